/**
 * Inline formatting (bold, italic, strikethrough, code): wrap each selection in a Markdown marker,
 * or unwrap it when the marker is already there, inside or just around the selection.
 */
import { syntaxTree } from '@codemirror/language'
import { EditorSelection } from '@codemirror/state'
import type { EditorState, SelectionRange, StateCommand } from '@codemirror/state'
import type { SyntaxNode } from '../syntaxNode'

/** The Markdown syntax node each marker makes, and the node of its marks. */
const markupNodes: Record<string, { node: string; mark: string }> = {
  '**': { node: 'StrongEmphasis', mark: 'EmphasisMark' },
  '*': { node: 'Emphasis', mark: 'EmphasisMark' },
  '~~': { node: 'Strikethrough', mark: 'StrikethroughMark' },
  '`': { node: 'InlineCode', mark: 'CodeMark' },
}

/**
 * The opening and closing marks of the `marker` span (bold, italic, ...) that holds all of
 * `range`, from the syntax tree; null outside one, or without a Markdown tree.
 */
function enclosingMarks(
  state: EditorState,
  range: SelectionRange,
  marker: string,
): [SyntaxNode, SyntaxNode] | null {
  const kind = markupNodes[marker]
  if (!kind) return null
  for (
    let node: SyntaxNode | null = syntaxTree(state).resolveInner(range.from, 1);
    node;
    node = node.parent
  ) {
    if (node.name !== kind.node || node.from > range.from || node.to < range.to) continue
    const open = node.firstChild
    const close = node.lastChild
    if (
      open &&
      close &&
      open.from !== close.from &&
      open.name === kind.mark &&
      close.name === kind.mark
    )
      return [open, close]
  }
  return null
}

/**
 * A command that toggles `marker` around every selection range. An empty selection gets an empty
 * pair with the cursor between; the selection keeps covering the same words afterwards.
 */
export function toggleInlineMarker(marker: string): StateCommand {
  const size = marker.length
  return ({ state, dispatch }) => {
    if (state.readOnly) return false
    const tr = state.changeByRange((range) => {
      // Inside a span already so marked (the selection within **bold text**): unwrap the span.
      const marks = enclosingMarks(state, range, marker)
      if (marks) {
        const [open, close] = marks
        const shift = (pos: number) =>
          pos <= open.from
            ? pos
            : pos < open.to
              ? open.from
              : Math.min(pos, close.from) - (open.to - open.from)
        return {
          changes: [
            { from: open.from, to: open.to },
            { from: close.from, to: close.to },
          ],
          range: EditorSelection.range(shift(range.anchor), shift(range.head)),
        }
      }
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
