/**
 * Keeps the editor and the preview scrolled to the same place, both ways, and moves the cursor to
 * a block clicked in the preview. A scroll this module caused is not echoed back.
 */
import { EditorSelection } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { lineForOffset, offsetForLine } from './scrollMapping'
import type { BlockPosition } from './scrollMapping'

const echoWindowMs = 150

/** The preview blocks (top-level elements carrying their source line), in document order. */
function blockElements(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>('[data-line]')).filter((el) =>
    Number.isFinite(Number(el.dataset.line)),
  )
}

/** The last index whose value is at most `target` (values ascending), or -1. */
function lastAtMost(count: number, value: (i: number) => number, target: number): number {
  let low = 0
  let high = count - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (value(mid) <= target) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

/**
 * The positions of the one or two blocks around index `at` (the block before and after a point),
 * measured only for those: the preview of a long article has thousands of blocks.
 */
function positionsAround(doc: Document, elements: HTMLElement[], at: number): BlockPosition[] {
  const scrollTop = doc.scrollingElement?.scrollTop ?? 0
  return elements.slice(Math.max(0, at), Math.max(0, at) + 2).map((el) => ({
    line: Number(el.dataset.line),
    top: el.getBoundingClientRect().top + scrollTop,
  }))
}

/** The preview offset that shows source line `line` at the top. */
function previewOffsetFor(doc: Document, line: number): number {
  const elements = blockElements(doc)
  const at = lastAtMost(elements.length, (i) => Number(elements[i].dataset.line), line)
  return offsetForLine(positionsAround(doc, elements, at), line)
}

/** The source line shown at preview offset `offset`. */
function lineAtPreviewOffset(doc: Document, offset: number): number {
  const elements = blockElements(doc)
  const scrollTop = doc.scrollingElement?.scrollTop ?? 0
  const top = (i: number) => elements[i].getBoundingClientRect().top + scrollTop
  const at = lastAtMost(elements.length, top, offset)
  return lineForOffset(positionsAround(doc, elements, at), offset)
}

function editorPadding(view: EditorView): number {
  return view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop
}

/**
 * Connects an editor view and a preview frame. Returns the function that disconnects them.
 * `frameDocument` gives the frame's document once it holds a rendered page; `bodyPatchedAt` when
 * the preview's body was last patched (its scrolls right after are the patch's, not the author's).
 */
export function connectScrollSync(
  view: EditorView,
  frame: HTMLIFrameElement,
  frameDocument: () => Document | null,
  bodyPatchedAt: () => number = () => -Infinity,
): () => void {
  let ignoreEditorUntil = 0
  let ignorePreviewUntil = 0
  let detachFrame: (() => void) | null = null

  const editorScrolled = () => {
    if (performance.now() < ignoreEditorUntil) return
    const doc = frameDocument()
    const scroller = doc?.scrollingElement
    if (!doc || !scroller) return
    const block = view.lineBlockAtHeight(view.scrollDOM.scrollTop - editorPadding(view))
    const line = view.state.doc.lineAt(block.from).number
    ignorePreviewUntil = performance.now() + echoWindowMs
    scroller.scrollTop = previewOffsetFor(doc, line)
  }

  const previewScrolled = () => {
    // NOTE: a patch that changes a block's height above the fold makes the browser move the
    // scroll position (scroll anchoring); echoing that to the editor would jump it while typing.
    const now = performance.now()
    if (now < ignorePreviewUntil || now - bodyPatchedAt() < echoWindowMs) return
    const doc = frameDocument()
    const scroller = doc?.scrollingElement
    if (!doc || !scroller) return
    const line = Math.min(lineAtPreviewOffset(doc, scroller.scrollTop), view.state.doc.lines)
    const block = view.lineBlockAt(view.state.doc.line(Math.max(1, line)).from)
    ignoreEditorUntil = performance.now() + echoWindowMs
    view.scrollDOM.scrollTop = block.top + editorPadding(view)
  }

  const previewClicked = (event: MouseEvent) => {
    const target = event.target as Element | null
    if (!target || target.closest('a[href]')) return
    const block = target.closest<HTMLElement>('[data-line]')
    const line = Number(block?.dataset.line)
    if (!Number.isFinite(line) || line < 1 || line > view.state.doc.lines) return
    const pos = view.state.doc.line(line).from
    view.dispatch({
      selection: EditorSelection.cursor(pos),
      effects: EditorView.scrollIntoView(pos, { y: 'start', yMargin: 40 }),
    })
    view.focus()
  }

  const attachFrame = () => {
    detachFrame?.()
    const doc = frameDocument()
    if (!doc) return
    doc.addEventListener('scroll', previewScrolled, { passive: true })
    doc.addEventListener('click', previewClicked)
    detachFrame = () => {
      doc.removeEventListener('scroll', previewScrolled)
      doc.removeEventListener('click', previewClicked)
    }
    editorScrolled()
  }

  view.scrollDOM.addEventListener('scroll', editorScrolled, { passive: true })
  // NOTE: registered after the preview controller's own load handler, so the controller has
  // already marked the new document ready when this runs.
  frame.addEventListener('load', attachFrame)
  attachFrame()
  return () => {
    view.scrollDOM.removeEventListener('scroll', editorScrolled)
    frame.removeEventListener('load', attachFrame)
    detachFrame?.()
  }
}
