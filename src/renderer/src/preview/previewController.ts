/**
 * Drives one preview frame: sends the editor text to the render worker as edits (at most one
 * render in flight; bursts of keystrokes collapse into the latest text), loads the themed page
 * when its shell changes, and otherwise patches only the body blocks that changed.
 */
import type { Text } from '@codemirror/state'
import { FrameOutbox, nextFrame, type Schedule } from './frameOutbox'
import { fillBody } from './previewDocument'
import { PreviewBody } from './previewBody'
import { interceptPreviewLinks } from './previewLinks'
import type {
  HomeArticle,
  PreviewPage,
  PreviewSetting,
  RenderRequest,
  RenderResponse,
  TextChange,
} from './renderProtocol'
import { textEdit } from './textEdit'

/** What the controller reports after each render reaches the frame. */
export interface PreviewListener {
  onRendered(result: RenderResponse): void
  /** A document was loaded into the frame (first render, theme or front matter change). */
  onFrameLoaded?(doc: Document): void
}

interface ArticleText {
  path: string
  doc: Text
}

export class PreviewController {
  private readonly worker: Worker
  /** Every message to the worker goes through here, in order. */
  private readonly outbox: FrameOutbox<RenderRequest>
  private nextId = 1
  /** The render the worker is working on: whether it sends every block. */
  private inFlight: { allBlocks: boolean } | null = null
  private pending: ArticleText | null = null
  private last: ArticleText | null = null
  /** The text the worker holds (null: send it whole). */
  private sentText: ArticleText | null = null
  private allBlocks = true
  /** The shell of the page in the frame (or loading into it); null: none yet. */
  private shell: string | null = null
  private loading = false
  /** Patches applied to `body` since the loading page's HTML was taken from it. */
  private patchesSinceLoad = 0
  private readonly body = new PreviewBody()
  private mounted = false
  private page: PreviewPage = 'article'
  private patchedAt = -Infinity
  /** Set when the page must be rendered again even for text the worker already has. */
  private stale = true

  /** `schedule` picks when requests leave for the worker (tests pass their own). */
  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly listener: PreviewListener,
    schedule: Schedule = nextFrame,
  ) {
    this.worker = new Worker(new URL('./renderWorker.ts', import.meta.url), { type: 'module' })
    this.outbox = new FrameOutbox((message) => this.worker.postMessage(message), schedule)
    this.worker.onmessage = (event: MessageEvent<RenderResponse>) => this.received(event.data)
    this.worker.onerror = (event) => {
      // The worker's state is unknown after an uncaught error: start over with whole text.
      this.inFlight = null
      this.sentText = null
      this.allBlocks = true
      this.listener.onRendered({
        id: 0,
        shell: null,
        body: null,
        headings: [],
        problem: `The preview stopped: ${event.message}`,
        durationMs: 0,
      })
    }
    frame.addEventListener('load', () => this.frameLoaded())
  }

  /** Sets the theme, site and asset base; the next render reloads the frame. */
  setSetting(setting: PreviewSetting): void {
    this.post({ type: 'setting', setting })
    this.shell = null
    this.stale = true
  }

  /** Gives the home page preview the workspace's other articles. */
  setHomeArticles(articles: HomeArticle[]): void {
    this.post({ type: 'articles', articles })
    if (this.page !== 'home') return
    this.stale = true
    if (this.last) this.render(this.last.path, this.last.doc)
  }

  /** Switches between the article page and the home page, re-rendering the last text. */
  setPage(page: PreviewPage): void {
    if (page === this.page) return
    this.page = page
    this.shell = null
    this.stale = true
    if (this.last) this.render(this.last.path, this.last.doc)
  }

  /** Asks for the preview of `doc`; returns at once, coalescing with renders not yet started. */
  render(path: string, doc: Text): void {
    this.last = { path, doc }
    const sent = this.sentText
    if (!this.stale && sent && sent.path === path && sent.doc === doc) {
      this.pending = null
      return
    }
    this.pending = this.last
    if (!this.inFlight) this.sendPending()
  }

  /** The iframe this controller renders into. */
  get frameElement(): HTMLIFrameElement {
    return this.frame
  }

  /** The frame's current document, when it holds a rendered article page. */
  get document(): Document | null {
    return this.mounted ? this.frame.contentDocument : null
  }

  /** When the body in the frame was last patched (performance.now()), to tell its scrolls apart. */
  get lastPatchAt(): number {
    return this.patchedAt
  }

  dispose(): void {
    this.worker.terminate()
  }

  private post(message: RenderRequest): void {
    this.outbox.push(message)
  }

  /** Sends the pending text, as its edit from the text the worker has when it has one. */
  private sendPending(): void {
    if (!this.pending) return
    const { path, doc } = this.pending
    this.pending = null
    this.stale = false
    let change: TextChange
    if (this.sentText && this.sentText.path === path) {
      const edit = textEdit(this.sentText.doc, doc)
      change = edit && { edit }
    } else change = { text: doc.toString() }
    this.sentText = { path, doc }
    // The home page carries no blocks, so a request for every block waits for the article page.
    const allBlocks = this.allBlocks && this.page === 'article'
    if (allBlocks) this.allBlocks = false
    this.inFlight = { allBlocks }
    this.post({
      type: 'render',
      id: this.nextId++,
      path,
      change,
      page: this.page,
      allBlocks,
      // Every block goes into a freshly loaded page, so ask for the shell with them.
      wantShell: this.shell === null || allBlocks,
    })
  }

  private received(result: RenderResponse): void {
    const request = this.inFlight
    this.inFlight = null
    if (result.lostText) {
      this.sentText = null
      if (this.last && !this.pending) this.pending = this.last
    }
    if (result.body) this.patchBody(result, request?.allBlocks ?? false)
    if (result.shell !== null) this.load(result.shell)
    this.sendPending()
    // An answer comes in a task of its own, not in a keystroke: what it lets go leaves now.
    this.outbox.flush()
    this.listener.onRendered(result)
  }

  private patchBody(result: RenderResponse, allBlocks: boolean): void {
    if (!result.body) return
    if (allBlocks) this.body.clear()
    try {
      if (this.body.apply(result.body) > 0 || result.body.shift !== 0)
        this.patchedAt = performance.now()
      this.patchesSinceLoad++
    } catch (err) {
      // NOTE: a patch made against other blocks than the ones shown (cannot happen while both
      // sides follow the protocol): start the body over, asking the worker for every block.
      console.warn(`Folio preview: ${(err as Error).message} Reloading the preview.`)
      this.allBlocks = true
      this.body.clear()
      this.mounted = false
      this.shell = null
      if (this.last && !this.pending) this.pending = this.last
    }
  }

  private load(shell: string): void {
    this.shell = shell
    this.loading = true
    this.mounted = false
    this.body.unmount()
    this.patchesSinceLoad = 0
    this.frame.srcdoc = fillBody(shell, this.page === 'article' ? this.body.html : '')
  }

  private frameLoaded(): void {
    const doc = this.frame.contentDocument
    if (!doc || !this.loading) return
    this.loading = false
    interceptPreviewLinks(doc, (url) => window.open(url, '_blank', 'noopener'))
    if (this.page !== 'article') return
    this.mounted = this.body.mount(doc, this.patchesSinceLoad === 0)
    if (this.mounted) this.listener.onFrameLoaded?.(doc)
  }
}
