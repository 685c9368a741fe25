/**
 * Markdown tables formatted as you type: Tab and Shift-Tab inside a table align its columns and
 * move to the next or previous cell; Enter at the end of a row aligns it and opens a new row.
 */
import { EditorSelection, Prec } from '@codemirror/state'
import type { EditorState, Extension, StateCommand } from '@codemirror/state'
import { keymap } from '@codemirror/view'

/** A table found in the document: its line range and parsed cells. */
export interface TableBlock {
  from: number
  to: number
  firstLine: number
  rows: string[][]
  /** Alignment per column from the delimiter row. */
  align: ('left' | 'center' | 'right' | null)[]
}

const rowLine = /^\s*\|.*\|?\s*$|^[^|]*\|.*$/
const delimiterCell = /^:?-+:?$/

/** Splits a table row into trimmed cells, honouring `\|` escapes and optional outer pipes. */
export function splitRow(text: string): string[] {
  let line = text.trim()
  if (line.startsWith('|')) line = line.slice(1)
  if (line.endsWith('|') && !line.endsWith('\\|')) line = line.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (ch === '\\' && line[i + 1] === '|') {
      cell += '\\|'
      i++
    } else if (ch === '|') {
      cells.push(cell.trim())
      cell = ''
    } else cell += ch
  }
  cells.push(cell.trim())
  return cells
}

function isDelimiterRow(text: string): boolean {
  const cells = splitRow(text)
  return cells.length > 0 && cells.every((c) => delimiterCell.test(c))
}

/** The table around `pos`, or null when `pos` is not inside a GFM table. */
export function findTable(state: EditorState, pos: number): TableBlock | null {
  const doc = state.doc
  const here = doc.lineAt(pos)
  if (!rowLine.test(here.text) || !here.text.includes('|')) return null
  let first = here.number
  while (first > 1 && doc.line(first - 1).text.includes('|')) first--
  let last = here.number
  while (last < doc.lines && doc.line(last + 1).text.includes('|')) last++
  if (last - first < 1 || !isDelimiterRow(doc.line(first + 1).text)) return null
  const rows: string[][] = []
  for (let n = first; n <= last; n++) rows.push(splitRow(doc.line(n).text))
  const align = rows[1].map((cell) => {
    const left = cell.startsWith(':')
    const right = cell.endsWith(':')
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null
  })
  return { from: doc.line(first).from, to: doc.line(last).to, firstLine: first, rows, align }
}

function pad(text: string, width: number, align: TableBlock['align'][number]): string {
  const gap = width - text.length
  if (align === 'right') return ' '.repeat(gap) + text
  if (align === 'center')
    return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2))
  return text + ' '.repeat(gap)
}

/** The table's text with every column padded to its widest cell. */
export function formatTable(table: TableBlock): string {
  const columns = Math.max(...table.rows.map((r) => r.length))
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(3, ...table.rows.map((row, i) => (i === 1 ? 3 : (row[c] ?? '').length))),
  )
  return table.rows
    .map((row, i) => {
      const cells = widths.map((width, c) => {
        const align = table.align[c] ?? null
        if (i === 1) {
          const dashes = '-'.repeat(width - (align === 'center' ? 2 : align ? 1 : 0))
          return align === 'center'
            ? `:${dashes}:`
            : align === 'right'
              ? `${dashes}:`
              : align === 'left'
                ? `:${dashes}`
                : dashes
        }
        return pad(row[c] ?? '', width, align)
      })
      return `| ${cells.join(' | ')} |`
    })
    .join('\n')
}

/** Offset of the start of cell `col` of line `line` in formatted table text. */
function cellStart(formatted: string, row: number, col: number): number {
  const lines = formatted.split('\n')
  let offset = 0
  for (let i = 0; i < row; i++) offset += lines[i].length + 1
  let pipes = -1
  const text = lines[row]
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '|' && text[i - 1] !== '\\') pipes++
    if (pipes === col) return offset + i + 2
  }
  return offset + text.length
}

function cursorCell(
  state: EditorState,
  table: TableBlock,
  pos: number,
): { row: number; col: number } {
  const line = state.doc.lineAt(pos)
  const before = line.text.slice(0, pos - line.from)
  const pipes = (before.match(/(?<!\\)\|/g) ?? []).length
  const leading = line.text.trimStart().startsWith('|') ? 1 : 0
  return { row: line.number - table.firstLine, col: Math.max(0, pipes - leading) }
}

function moveCell(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const pos = state.selection.main.head
    const table = findTable(state, pos)
    if (!table) return false
    const here = cursorCell(state, table, pos)
    const columns = Math.max(...table.rows.map((r) => r.length))
    let { row, col } = here
    col += direction
    if (col >= columns) {
      col = 0
      row++
    } else if (col < 0) {
      col = columns - 1
      row--
    }
    if (row === 1) row += direction
    if (row < 0) return true
    if (row >= table.rows.length) table.rows.push(Array(columns).fill(''))
    const formatted = formatTable(table)
    const at = table.from + cellStart(formatted, row, col)
    dispatch(
      state.update({
        changes: { from: table.from, to: table.to, insert: formatted },
        selection: EditorSelection.cursor(at),
        scrollIntoView: true,
        userEvent: 'input.format',
      }),
    )
    return true
  }
}

/** Aligns the table and moves to the next cell (adding a row after the last one). */
export const nextTableCell = moveCell(1)
/** Aligns the table and moves to the previous cell. */
export const previousTableCell = moveCell(-1)

/** At the end of a table row: aligns the table and starts a new row below, in its first cell. */
export const newTableRow: StateCommand = ({ state, dispatch }) => {
  const range = state.selection.main
  const table = range.empty ? findTable(state, range.head) : null
  if (!table) return false
  const { row } = cursorCell(state, table, range.head)
  const last = table.rows.length - 1
  if (row === last && row >= 2 && table.rows[row].every((cell) => cell === '')) {
    // Enter on the empty row at the foot leaves the table: the row goes, and writing goes on
    // after a blank line (a line right below a row would be read as one more row).
    table.rows.splice(row, 1)
    const formatted = formatTable(table)
    dispatch(
      state.update({
        changes: { from: table.from, to: table.to, insert: `${formatted}\n\n` },
        selection: EditorSelection.cursor(table.from + formatted.length + 2),
        scrollIntoView: true,
        userEvent: 'input.format',
      }),
    )
    return true
  }
  // Enter anywhere in a row opens the next row: a line break would cut the row in two.
  const columns = Math.max(...table.rows.map((r) => r.length))
  const insertAt = Math.max(row, 1) + 1
  table.rows.splice(insertAt, 0, Array(columns).fill(''))
  const formatted = formatTable(table)
  dispatch(
    state.update({
      changes: { from: table.from, to: table.to, insert: formatted },
      selection: EditorSelection.cursor(table.from + cellStart(formatted, insertAt, 0)),
      scrollIntoView: true,
      userEvent: 'input.format',
    }),
  )
  return true
}

/** The table keys, ahead of list indentation and the Markdown Enter handling. */
export function tableKeymap(): Extension {
  return Prec.highest(
    keymap.of([
      { key: 'Tab', run: nextTableCell, shift: previousTableCell },
      { key: 'Enter', run: newTableRow },
    ]),
  )
}
