/**
 * Typed characters go straight into the editor state instead of through the browser's editing.
 *
 * A key that types text normally makes Chromium run its own editing command on the content DOM
 * (insert, lay out the caret, record its own undo step), after which CodeMirror reads the
 * mutation back and turns it into a transaction: two editors doing the same work on every key.
 * Here a plain `insertText` input is cancelled in `beforeinput` and handed to CodeMirror as the
 * transaction it would have made (the same input handlers, user event and scrolling), which then
 * draws the character itself. Compositions (IME, dead keys), replacements (spell check,
 * autocorrect), line breaks and mobile browsers keep the browser's path.
 */
import type { EditorSelection, Extension, Transaction } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** Whether `event` is a plain typed insertion this module takes over. */
function isPlainTyping(event: InputEvent, view: EditorView): boolean {
  return (
    event.inputType === 'insertText' &&
    event.cancelable &&
    !event.isComposing &&
    !view.composing &&
    typeof event.data === 'string' &&
    event.data.length > 0 &&
    !/[\r\n]/.test(event.data) &&
    view.state.facet(EditorView.editable)
  )
}

/**
 * Whether a typed character could leave the cursor outside the visible part of the editor: true
 * unless the cursor as last drawn sits inside the scroller's visible part with two lines to spare
 * (a key moves it down by at most one visual line, and a second key may come before the next
 * drawing). Reads only boxes the last frame laid out.
 */
function mayLeaveView(view: EditorView): boolean {
  const cursor = view.scrollDOM.querySelector(':scope > .cm-cursorLayer > .cm-cursor-primary')
  if (!cursor) return true
  const caret = cursor.getBoundingClientRect()
  const scroller = view.scrollDOM.getBoundingClientRect()
  const margin = 2 * view.defaultLineHeight
  const top = Math.max(scroller.top, 0) + margin
  const bottom = Math.min(scroller.bottom, window.innerHeight) - margin
  return caret.height === 0 || caret.top < top || caret.bottom > bottom
}

/**
 * Lines kept between the line being typed and the editor's top or bottom edge when typing
 * scrolls: writing at the foot of the editor shows what comes next and the page moves once every
 * few wrapped lines, not on every keystroke of a line that ends on the edge.
 */
const typingMarginLines = 3

/**
 * The transaction CodeMirror makes for typed text: every selection range replaced by it, scrolled
 * into view with `typingMarginLines` around it. NOTE: the scroll is asked for only where the
 * cursor may leave the view: a scroll request makes CodeMirror's next measure find the cursor on
 * screen and walk every scrollable parent, about half a millisecond of each keystroke's frame in
 * a long article; the margin is what keeps the next keystrokes from asking again.
 */
function typingTransaction(view: EditorView, text: string): Transaction {
  const state = view.state
  const typed = state.replaceSelection(text)
  const head = (typed.selection as EditorSelection).main.head
  const margin = typingMarginLines * view.defaultLineHeight
  return state.update(typed, {
    userEvent: 'input.type',
    effects: mayLeaveView(view) ? EditorView.scrollIntoView(head, { yMargin: margin }) : [],
    // `head` is a position in the text after the typing.
    sequential: true,
  })
}

/** Inserts `text` as if typed: input handlers (closing brackets, ...) first, as CodeMirror does. */
function typeText(view: EditorView, text: string): void {
  const { from, to } = view.state.selection.main
  let made: Transaction | null = null
  const defaultInsert = () => (made ??= typingTransaction(view, text))
  const handled = view.state
    .facet(EditorView.inputHandler)
    .some((handler) => handler(view, from, to, text, defaultInsert))
  if (!handled) view.dispatch(defaultInsert())
}

/** Browsers whose text input must keep the native path (virtual keyboards, their own quirks). */
const mobile =
  typeof navigator !== 'undefined' && /Android|iPhone|iPad|iPod/.test(navigator.userAgent)

/** The extension. */
export function directTyping(): Extension {
  if (mobile) return []
  return EditorView.domEventHandlers({
    beforeinput(event, view) {
      if (!isPlainTyping(event, view)) return false
      event.preventDefault()
      typeText(view, event.data as string)
      return true
    },
  })
}
