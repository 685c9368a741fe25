/** The arithmetic of a windowed list: which rows of a fixed-height list a viewport shows. */

/** The rows to render, `[start, end)`, and the spacer heights above and below them. */
export interface ListWindow {
  start: number
  end: number
  padTop: number
  padBottom: number
}

/**
 * The rows visible in a viewport of `viewportHeight` scrolled to `scrollTop`, widened by
 * `overscan` rows on each side, for `count` rows of `rowHeight` pixels each.
 */
export function listWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 6,
): ListWindow {
  // A list that shrank while scrolled far down still shows its last rows.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, count - 1))
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1
  const start = Math.max(0, Math.min(first - overscan, count))
  const end = Math.min(count, first + visible + overscan)
  return {
    start,
    end: Math.max(start, end),
    padTop: start * rowHeight,
    padBottom: Math.max(0, count - Math.max(start, end)) * rowHeight,
  }
}
