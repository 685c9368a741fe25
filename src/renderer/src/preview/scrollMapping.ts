/**
 * Scroll sync arithmetic: maps a source line to a vertical offset in the preview and back, by
 * interpolating between the rendered blocks that carry `data-line`.
 */

/** A rendered block: the source line it starts at and its top offset in the preview page. */
export interface BlockPosition {
  line: number
  top: number
}

/** The preview offset that shows source line `line` at the top. Blocks must be sorted by line. */
export function offsetForLine(blocks: readonly BlockPosition[], line: number): number {
  if (blocks.length === 0) return 0
  if (line <= blocks[0].line) return line < blocks[0].line ? 0 : blocks[0].top
  for (let i = 0; i < blocks.length - 1; i++) {
    const a = blocks[i]
    const b = blocks[i + 1]
    if (line >= a.line && line < b.line) {
      return a.top + ((line - a.line) / (b.line - a.line)) * (b.top - a.top)
    }
  }
  return blocks[blocks.length - 1].top
}

/** The source line shown at preview offset `offset` (the inverse of `offsetForLine`). */
export function lineForOffset(blocks: readonly BlockPosition[], offset: number): number {
  if (blocks.length === 0) return 1
  if (offset <= blocks[0].top) return blocks[0].line
  for (let i = 0; i < blocks.length - 1; i++) {
    const a = blocks[i]
    const b = blocks[i + 1]
    if (offset >= a.top && offset < b.top) {
      return Math.round(a.line + ((offset - a.top) / (b.top - a.top || 1)) * (b.line - a.line))
    }
  }
  return blocks[blocks.length - 1].line
}
