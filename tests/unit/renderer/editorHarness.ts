/** Test helper: an EditorState from text with `|` marking the cursor or `[`…`]` the selection. */
import { EditorSelection, EditorState } from '@codemirror/state'
import type { Extension, StateCommand } from '@codemirror/state'

/** Builds a state; `^` marks a cursor, `«` and `»` mark a selection. */
export function stateOf(marked: string, extensions: Extension[] = []): EditorState {
  const anchor = marked.indexOf('«')
  if (anchor >= 0) {
    const text = marked.replace('«', '').replace('»', '')
    const head = marked.indexOf('»') - 1
    return EditorState.create({
      doc: text,
      selection: EditorSelection.range(anchor, head),
      extensions,
    })
  }
  const cursor = marked.indexOf('^')
  const text = marked.replace('^', '')
  return EditorState.create({
    doc: text,
    selection: EditorSelection.cursor(cursor < 0 ? 0 : cursor),
    extensions,
  })
}

/** The doc with the main selection marked the same way `stateOf` reads it. */
export function marked(state: EditorState): string {
  const { from, to, empty } = state.selection.main
  const text = state.doc.toString()
  if (empty) return text.slice(0, from) + '^' + text.slice(from)
  return text.slice(0, from) + '«' + text.slice(from, to) + '»' + text.slice(to)
}

/** Runs a command and returns the marked result (throws if the command declined). */
export function run(command: StateCommand, state: EditorState): string {
  let next = state
  const handled = command({ state, dispatch: (tr) => (next = tr.state) })
  if (!handled) throw new Error('command did not run')
  return marked(next)
}
