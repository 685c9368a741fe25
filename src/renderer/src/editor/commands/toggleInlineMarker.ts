/**
 * Inline formatting (bold, italic, strikethrough, code): wrap each selection in a Markdown marker,
 * or unwrap it when the marker is already there, inside or just around the selection.
 */
import { EditorSelection } from '@codemirror/state'
import type { StateCommand } from '@codemirror/state'

/**
 * A command that toggles `marker` around every selection range. An empty selection gets an empty
 * pair with the cursor between; the selection keeps covering the same words afterwards.
 */
export function toggleInlineMarker(marker: string): StateCommand {
  const size = marker.length
  return ({ state, dispatch }) => {
    if (state.readOnly) return false
    const tr = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - size, range.from)
      const after = state.sliceDoc(range.to, range.to + size)
      const inner = state.sliceDoc(range.from, range.to)
      const wrappedOutside = before === marker && after === marker && !range.empty
      if (wrappedOutside || (range.empty && before === marker && after === marker)) {
        return {
          changes: [
            { from: range.from - size, to: range.from },
            { from: range.to, to: range.to + size },
          ],
          range: EditorSelection.range(range.anchor - size, range.head - size),
        }
      }
      if (inner.length >= 2 * size && inner.startsWith(marker) && inner.endsWith(marker)) {
        return {
          changes: { from: range.from, to: range.to, insert: inner.slice(size, -size) },
          range: EditorSelection.range(range.from, range.to - 2 * size),
        }
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.anchor + size, range.head + size),
      }
    })
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }))
    return true
  }
}

/** Toggles `**bold**`. */
export const toggleBold = toggleInlineMarker('**')
/** Toggles `*italic*`. */
export const toggleItalic = toggleInlineMarker('*')
/** Toggles `~~strikethrough~~`. */
export const toggleStrikethrough = toggleInlineMarker('~~')
/** Toggles `` `inline code` ``. */
export const toggleInlineCode = toggleInlineMarker('`')
