/**
 * Tab and Shift-Tab in Markdown lists: nest or un-nest the list items touched by the selection by
 * their marker's width, so the result is a valid CommonMark sub-list.
 */
import { EditorSelection, Prec } from '@codemirror/state'
import type { ChangeSpec, EditorState, Extension, Line, StateCommand } from '@codemirror/state'
import { keymap } from '@codemirror/view'

const listItem = /^(\s*)([-*+]|\d+[.)])(\s+)/

function listLines(state: EditorState): Line[] | null {
  const lines: Line[] = []
  for (const range of state.selection.ranges) {
    const last = state.doc.lineAt(range.to).number
    for (let n = state.doc.lineAt(range.from).number; n <= last; n++) {
      const line = state.doc.line(n)
      if (!listItem.test(line.text)) return null
      if (!lines.some((l) => l.number === n)) lines.push(line)
    }
  }
  return lines
}

function shiftItems(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const lines = listLines(state)
    if (!lines || state.readOnly) return false
    const changes = lines.flatMap((line): ChangeSpec[] => {
      const [, indent, marker, gap] = listItem.exec(line.text) as RegExpExecArray
      const width = marker.length + gap.length
      if (direction === 1) return [{ from: line.from, insert: ' '.repeat(width) }]
      const remove = Math.min(indent.length, width)
      return remove ? [{ from: line.from, to: line.from + remove }] : []
    })
    if (changes.length === 0) return true
    const changeSet = state.changes(changes)
    dispatch(
      state.update({
        changes: changeSet,
        selection: EditorSelection.create(
          state.selection.ranges.map((r) =>
            EditorSelection.range(changeSet.mapPos(r.anchor, 1), changeSet.mapPos(r.head, 1)),
          ),
          state.selection.mainIndex,
        ),
        userEvent: direction === 1 ? 'input.indent' : 'delete.dedent',
      }),
    )
    return true
  }
}

/** Nests the touched list items one level deeper; false (unhandled) outside a list. */
export const indentListItem = shiftItems(1)
/** Moves the touched list items one level out; false (unhandled) outside a list. */
export const outdentListItem = shiftItems(-1)

/** Tab / Shift-Tab bindings for list items (ahead of the default keymap). */
export function listIndentKeymap(): Extension {
  return Prec.high(keymap.of([{ key: 'Tab', run: indentListItem, shift: outdentListItem }]))
}
