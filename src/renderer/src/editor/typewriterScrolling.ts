/**
 * Typewriter scrolling: the line being written stays in the vertical middle of the editor, as
 * each typed or moved-to position scrolls to the centre.
 */
import { Compartment, EditorState } from '@codemirror/state'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** Holds typewriter scrolling on or off in every article's state. */
export const typewriterCompartment = new Compartment()

/** Adds a centre-scroll to every transaction the author makes by typing or moving the cursor. */
export function typewriterScrolling(): Extension {
  return EditorState.transactionExtender.of((tr) => {
    if (!tr.selection && !tr.docChanged) return null
    if (!tr.isUserEvent('input') && !tr.isUserEvent('delete') && !tr.isUserEvent('select')) {
      return null
    }
    const head = (tr.selection ?? tr.startState.selection.map(tr.changes)).main.head
    return { effects: EditorView.scrollIntoView(head, { y: 'center' }) }
  })
}
