/**
 * Focus mode: every line outside the paragraph holding the cursor is dimmed, so the sentence
 * being written stands out. Only the visible lines are decorated.
 */
import { Compartment, RangeSetBuilder } from '@codemirror/state'
import type { EditorState, Extension } from '@codemirror/state'
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view'
import type { DecorationSet, ViewUpdate } from '@codemirror/view'

/** Holds focus mode on or off in every article's state. */
export const focusModeCompartment = new Compartment()

const dimmed = Decoration.line({ class: 'cm-dimmed' })

/** The line numbers of the paragraph (blank-line separated block) containing `pos`. */
export function paragraphAround(state: EditorState, pos: number): { first: number; last: number } {
  const doc = state.doc
  const here = doc.lineAt(pos).number
  if (doc.line(here).text.trim() === '') return { first: here, last: here }
  let first = here
  while (first > 1 && doc.line(first - 1).text.trim() !== '') first--
  let last = here
  while (last < doc.lines && doc.line(last + 1).text.trim() !== '') last++
  return { first, last }
}

function build(view: EditorView): DecorationSet {
  const { first, last } = paragraphAround(view.state, view.state.selection.main.head)
  const builder = new RangeSetBuilder<Decoration>()
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos)
      if (line.number < first || line.number > last) builder.add(line.from, line.from, dimmed)
      pos = line.to + 1
    }
  }
  return builder.finish()
}

const plugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = build(view)
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.selectionSet || update.viewportChanged) {
        this.decorations = build(update.view)
      }
    }
  },
  { decorations: (v) => v.decorations },
)

const theme = EditorView.baseTheme({
  '.cm-line.cm-dimmed': { opacity: '0.28', transition: 'opacity 0.2s' },
})

/** The focus mode extension (put it in `focusModeCompartment` to switch it on). */
export function focusMode(): Extension {
  return [plugin, theme]
}
