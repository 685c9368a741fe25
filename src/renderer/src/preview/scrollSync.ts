/**
 * Keeps the editor and the preview scrolled to the same place, both ways, and moves the cursor to
 * a block clicked in the preview. A scroll this module caused is not echoed back.
 */
import { EditorSelection } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { lineForOffset, offsetForLine } from './scrollMapping'
import type { BlockPosition } from './scrollMapping'

const echoWindowMs = 150

function blocksOf(doc: Document): BlockPosition[] {
  const scrollTop = doc.scrollingElement?.scrollTop ?? 0
  const blocks: BlockPosition[] = []
  for (const el of doc.querySelectorAll<HTMLElement>('[data-line]')) {
    const line = Number(el.dataset.line)
    if (Number.isFinite(line))
      blocks.push({ line, top: el.getBoundingClientRect().top + scrollTop })
  }
  return blocks.sort((a, b) => a.line - b.line)
}

function editorPadding(view: EditorView): number {
  return view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop
}

/**
 * Connects an editor view and a preview frame. Returns the function that disconnects them.
 * `frameDocument` gives the frame's document once it holds a rendered page.
 */
export function connectScrollSync(
  view: EditorView,
  frame: HTMLIFrameElement,
  frameDocument: () => Document | null,
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
    scroller.scrollTop = offsetForLine(blocksOf(doc), line)
  }

  const previewScrolled = () => {
    if (performance.now() < ignorePreviewUntil) return
    const doc = frameDocument()
    const scroller = doc?.scrollingElement
    if (!doc || !scroller) return
    const line = Math.min(lineForOffset(blocksOf(doc), scroller.scrollTop), view.state.doc.lines)
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
