/**
 * Block formatting that lives at the start of lines: heading levels, quotes and the three list
 * kinds. Each command applies to every line touched by the selection and toggles off when all of
 * them already have that form.
 */
import { EditorSelection } from '@codemirror/state'
import type { EditorState, Line, StateCommand } from '@codemirror/state'

/** Matches any block prefix this module manages, so switching kinds replaces instead of stacking. */
const blockPrefix = /^(\s*)(#{1,6}\s+|>\s?|[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d+[.)]\s+)?/

function touchedLines(state: EditorState): Line[] {
  const lines: Line[] = []
  const seen = new Set<number>()
  for (const range of state.selection.ranges) {
    const last = state.doc.lineAt(range.to).number
    for (let n = state.doc.lineAt(range.from).number; n <= last; n++) {
      if (!seen.has(n)) {
        seen.add(n)
        lines.push(state.doc.line(n))
      }
    }
  }
  return lines
}

/**
 * A command that gives each touched line the prefix `prefixFor(index)` (index counts the touched
 * lines, for numbered lists), replacing any other block prefix; if every line already matches
 * `present`, the prefixes are removed instead.
 */
export function toggleLinePrefix(
  present: RegExp,
  prefixFor: (index: number) => string,
): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false
    const lines = touchedLines(state)
    const removing = lines.every((line) => present.test(line.text))
    const changes = lines.map((line, index) => {
      const match = blockPrefix.exec(line.text)
      const indent = match?.[1] ?? ''
      const old = match?.[2] ?? ''
      const from = line.from + indent.length
      return { from, to: from + old.length, insert: removing ? '' : prefixFor(index) }
    })
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
        scrollIntoView: true,
        userEvent: 'input.format',
      }),
    )
    return true
  }
}

/** Makes the touched lines headings of `level` (1–6), or plain paragraphs if they already are. */
export function setHeading(level: number): StateCommand {
  const hashes = '#'.repeat(level)
  return toggleLinePrefix(new RegExp(`^\\s*${hashes}\\s`), () => `${hashes} `)
}

/** Toggles `> ` block quote on the touched lines. */
export const toggleQuote = toggleLinePrefix(/^\s*>/, () => '> ')
/** Toggles a `- ` bullet list on the touched lines. */
export const toggleBulletList = toggleLinePrefix(/^\s*[-*+]\s+(?!\[[ xX]\])/, () => '- ')
/** Toggles a numbered list (`1. `, `2. `, ...) on the touched lines. */
export const toggleOrderedList = toggleLinePrefix(/^\s*\d+[.)]\s/, (i) => `${i + 1}. `)
/** Toggles a task list (`- [ ] `) on the touched lines. */
export const toggleTaskList = toggleLinePrefix(/^\s*[-*+]\s+\[[ xX]\]\s/, () => '- [ ] ')
