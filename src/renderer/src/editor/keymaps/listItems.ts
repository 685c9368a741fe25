/** List item lines of Markdown as Tab and Shift-Tab read them: marker, indent, number. */

const listItem = /^(\s*)([-*+]|(\d+)([.)]))(\s+)/

/** A list item line: its indent, marker (number and delimiter when numbered) and gap. */
export interface Item {
  indent: number
  marker: string
  number: number | null
  /** The number as written: `01` keeps its zero when the item is renumbered. */
  digits: string
  delimiter: string
  gap: string
}

/** The item that starts `text`, or null when the line is no list item. */
export function itemOf(text: string): Item | null {
  const match = listItem.exec(text)
  if (!match) return null
  const [, indent, marker, number, delimiter, gap] = match
  return {
    indent: indent.length,
    marker,
    number: number === undefined ? null : Number(number),
    digits: number ?? '',
    delimiter: delimiter ?? '',
    gap,
  }
}

/** The column where the item's text starts: where its children's markers and paragraphs go. */
export const contentColumn = (item: Item): number =>
  item.indent + item.marker.length + item.gap.length

/** The columns of blank space at the start of `text`. */
export const indentOf = (text: string): number => text.length - text.trimStart().length

/** Whether two items can belong to one list: the same bullet, or numbers with the same delimiter. */
export const sameKind = (a: Item, b: Item): boolean =>
  a.number === null ? a.marker === b.marker : b.number !== null && a.delimiter === b.delimiter

/** `item` numbered `number`, written as wide as before when it was zero-padded (`01.` → `02.`). */
export function numberedAs(item: Item, number: number): Item {
  const digits = item.digits.startsWith('0')
    ? String(number).padStart(item.digits.length, '0')
    : String(number)
  return { ...item, number, digits, marker: `${digits}${item.delimiter}` }
}

/**
 * The nearest item above line `number` with an indent up to `column`, as `text(n)` reads lines;
 * null when the list ends first (a line that is neither an item, blank, nor indented).
 */
export function itemAbove(
  number: number,
  column: number,
  text: (n: number) => string,
): Item | null {
  for (let n = number - 1; n >= 1; n--) {
    const line = text(n)
    const item = itemOf(line)
    if (item) {
      if (item.indent <= column) return item
    } else if (line.trim() !== '' && !/^\s/.test(line)) return null
  }
  return null
}
