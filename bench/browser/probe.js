/* global window, document, performance, requestAnimationFrame, MutationObserver, MessageChannel, setTimeout */
// In-page timing probe for `npm run bench`, injected into the Folio page before its own scripts
// (page.addInitScript). All times are the page's performance.now() / event.timeStamp clock.
;(() => {
  const bench = {
    /** Page-load milestones (ms since navigation start). */
    marks: { articleList: null, click: null, editable: null },
    /** One entry per typed key: { paint, afterPaint, preview } latencies in ms (null until seen). */
    keys: [],
    typing: null,
  }
  window.__folioBench = bench

  // ---- Page load → article list → (click) → editable editor ----
  const editableEditor = () => {
    const content = document.querySelector(
      '[data-testid="editor"]:not([hidden]) .cm-content[contenteditable="true"]',
    )
    return content && content.textContent.length > 0 ? content : null
  }
  const loadObserver = new MutationObserver(() => {
    const m = bench.marks
    if (m.articleList === null && document.querySelector('[data-testid="article-item"]'))
      m.articleList = performance.now()
    if (m.click !== null && m.editable === null && editableEditor()) {
      m.editable = performance.now()
      loadObserver.disconnect()
    }
  })
  const watch = () =>
    loadObserver.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
    })
  if (document.documentElement) watch()
  else document.addEventListener('readystatechange', watch, { once: true })
  window.addEventListener(
    'click',
    (event) => {
      if (bench.marks.click === null) bench.marks.click = event.timeStamp
    },
    true,
  )

  // ---- Typing ----
  /** The EditorView of the visible editor (CodeMirror keeps it on the content DOM's tile/view). */
  const editorView = () => {
    const content = editableEditor()
    const tile = content && (content.cmTile || content.cmView)
    const view = tile && ((tile.root && tile.root.view) || (tile.rootView && tile.rootView.view))
    if (!view)
      throw new Error(
        'Could not reach the CodeMirror EditorView from the [data-testid="editor"] DOM.',
      )
    return view
  }

  /** Puts the cursor at `offset` of the open article and focuses the editor. */
  bench.placeCursor = (offset) => {
    const view = editorView()
    view.dispatch({ selection: { anchor: offset }, scrollIntoView: true })
    view.focus()
    return view.state.doc.length
  }

  const previewFrame = () => document.querySelector('[data-testid="preview-frame"]')

  /** Starts measuring: `sentence` will be typed before the word `following` of the article. */
  bench.startTyping = (sentence, following) => {
    const view = editorView()
    const typing = { sentence, following, view, previewObserver: null }
    bench.typing = typing
    bench.keys = []
    const observePreview = () => {
      if (typing.previewObserver) typing.previewObserver.disconnect()
      const doc = previewFrame() && previewFrame().contentDocument
      if (!doc || !doc.documentElement) return
      typing.previewObserver = new MutationObserver((records) => {
        const now = performance.now()
        for (const key of bench.keys) {
          if (key.preview !== null) continue
          const expected = sentence.slice(0, key.index + 1) + following
          const shows = records.some(
            (r) =>
              Array.from(r.addedNodes).some(
                (n) => n.textContent && n.textContent.includes(expected),
              ) ||
              (r.type === 'characterData' && r.target.textContent.includes(expected)),
          )
          if (shows) key.preview = now - key.start
        }
      })
      typing.previewObserver.observe(doc.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
      })
    }
    observePreview()
    typing.observePreview = observePreview
    previewFrame().addEventListener('load', observePreview)
    typing.onKeyDown = (event) => {
      if (event.key.length !== 1) return
      const key = {
        index: bench.keys.length,
        start: event.timeStamp,
        paint: null,
        afterPaint: null,
        preview: null,
      }
      const expectedLength = view.state.doc.length + 1
      bench.keys.push(key)
      // paint: the first animation frame in which the editor state (and so its DOM) holds the new
      // character, the frame that paints it. afterPaint: a message posted from that frame, which
      // runs once the frame has been painted (an upper bound).
      const frame = () => {
        if (view.state.doc.length < expectedLength) {
          if (performance.now() - key.start < 5000) requestAnimationFrame(frame)
          return
        }
        key.paint = performance.now() - key.start
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          key.afterPaint = performance.now() - key.start
        }
        channel.port2.postMessage(null)
      }
      requestAnimationFrame(frame)
    }
    window.addEventListener('keydown', typing.onKeyDown, true)
  }

  /**
   * Resolves when key `index` has its paint latency and (when `withPreview`) its preview latency,
   * or after `timeoutMs` with what was seen.
   */
  bench.waitForKey = (index, timeoutMs, withPreview) =>
    new Promise((resolve) => {
      const started = performance.now()
      const check = () => {
        const key = bench.keys[index]
        const done = key && key.afterPaint !== null && (!withPreview || key.preview !== null)
        if (done || performance.now() - started > timeoutMs) {
          resolve(
            key ? { paint: key.paint, afterPaint: key.afterPaint, preview: key.preview } : null,
          )
        } else setTimeout(check, 4)
      }
      check()
    })

  /** Stops measuring and returns every key's latencies. */
  bench.stopTyping = () => {
    const typing = bench.typing
    if (typing) {
      window.removeEventListener('keydown', typing.onKeyDown, true)
      if (typing.previewObserver) typing.previewObserver.disconnect()
      if (previewFrame()) previewFrame().removeEventListener('load', typing.observePreview)
    }
    bench.typing = null
    return bench.keys.map((k) => ({ paint: k.paint, afterPaint: k.afterPaint, preview: k.preview }))
  }
})()
