/**
 * Markdown tables formatted as you type: Tab and Shift-Tab inside a table align its columns and
 * move to the next or previous cell; Enter at the end of a row aligns it and opens a new row.
 */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language'
import { EditorSelection, Prec } from '@codemirror/state'
import type { EditorState, Extension, Line, StateCommand } from '@codemirror/state'
import { keymap } from '@codemirror/view'
import stringWidth from 'string-width'
import type { SyntaxNode } from './syntaxNode'

/** A table found in the document: its rows' lines, what stands before each, and its cells. */
export interface TableBlock {
  /** Offset of the start of the first row's line, and of the end of the last row's line. */
  from: number
  to: number
  firstLine: number
  /** What stands before each row on its line: a list item's indent, a quote's `> `. */
  prefixes: string[]
  rows: string[][]
  /** Alignment per column from the delimiter row. */
  align: ('left' | 'center' | 'right' | null)[]
}

const delimiterCell = /^:?-+:?$/
/** The table's lines, each a row: the header, the delimiter row, then the body rows. */
const rowNodes = new Set(['TableHeader', 'TableDelimiter', 'TableRow'])

/** Splits a table row into trimmed cells, honouring `\\|` escapes and optional outer pipes. */
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

/**
 * The GFM table the Markdown parser found on `line`. Read from the syntax tree, so pipes in a
 * code block, front matter or a paragraph are no table, and a table in a list item or a quote is.
 */
function tableNodeOn(state: EditorState, line: Line): SyntaxNode | null {
  const tree = ensureSyntaxTree(state, line.to, 200) ?? syntaxTree(state)
  let table: SyntaxNode | null = null
  tree.iterate({
    from: line.from,
    to: line.to,
    enter: (node) => {
      if (table) return false
      if (node.name !== 'Table') return undefined
      table = node.node
      return false
    },
  })
  return table
}

/** The table around `pos`, or null when `pos` is not on a row of a GFM table. */
export function findTable(state: EditorState, pos: number): TableBlock | null {
  const doc = state.doc
  const here = doc.lineAt(pos)
  const node = tableNodeOn(state, here)
  if (!node) return null
  const rows: string[][] = []
  const prefixes: string[] = []
  const lines: Line[] = []
  for (let row = node.firstChild; row; row = row.nextSibling) {
    if (!rowNodes.has(row.name)) continue
    const line = doc.lineAt(row.from)
    lines.push(line)
    prefixes.push(line.text.slice(0, row.from - line.from))
    rows.push(splitRow(doc.sliceString(row.from, line.to)))
  }
  if (rows.length < 2 || !rows[1].every((cell) => delimiterCell.test(cell))) return null
  const firstLine = lines[0].number
  if (here.number < firstLine || here.number > lines[lines.length - 1].number) return null
  const align = rows[1].map((cell) => {
    const left = cell.startsWith(':')
    const right = cell.endsWith(':')
    return left && right ? 'center' : right ? 'right' : left ? 'left' : null
  })
  return { from: lines[0].from, to: lines[lines.length - 1].to, firstLine, prefixes, rows, align }
}

/** Adds an empty row at `index`, on a line that starts as the row above it does. */
function insertRow(table: TableBlock, index: number): void {
  table.rows.splice(index, 0, Array(columnsOf(table)).fill(''))
  table.prefixes.splice(index, 0, table.prefixes[Math.max(1, index - 1)])
}

/** The table's columns: the header's cells (GFM ignores a body row's cells past them). */
const columnsOf = (table: TableBlock): number => table.rows[0].length

function pad(text: string, width: number, align: TableBlock['align'][number]): string {
  const gap = width - stringWidth(text)
  if (align === 'right') return ' '.repeat(gap) + text
  if (align === 'center')
    return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(Math.ceil(gap / 2))
  return text + ' '.repeat(gap)
}

/**
 * The table's rows with every column padded to its widest cell (without their prefixes), by the
 * columns a monospace font gives each character (two for CJK and emoji). Cells a row has past
 * the header's stay at its end as written: the page does not show them, but they are the
 * author's words.
 */
function formatRows(table: TableBlock): string[] {
  const columns = columnsOf(table)
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(3, ...table.rows.map((row, i) => (i === 1 ? 3 : stringWidth(row[c] ?? '')))),
  )
  return table.rows.map((row, i) => {
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
    return `| ${[...cells, ...row.slice(columns)].join(' | ')} |`
  })
}

/** The table's text with every column padded to its widest cell, each row after its prefix. */
export function formatTable(table: TableBlock): string {
  return formatRows(table)
    .map((row, i) => table.prefixes[i] + row)
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
  const row = line.number - table.firstLine
  const text = line.text.slice(table.prefixes[row].length)
  const before = text.slice(0, Math.max(0, pos - line.from - table.prefixes[row].length))
  const pipes = (before.match(/(?<!\\)\|/g) ?? []).length
  const leading = text.trimStart().startsWith('|') ? 1 : 0
  return { row, col: Math.max(0, pipes - leading) }
}

function moveCell(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const pos = state.selection.main.head
    const table = findTable(state, pos)
    if (!table) return false
    const here = cursorCell(state, table, pos)
    const columns = columnsOf(table)
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
    if (row >= table.rows.length) insertRow(table, row)
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
    // after a blank line (a line right below a row would be read as one more row), inside the
    // list item or quote that holds the table.
    const [prefix] = table.prefixes.splice(row, 1)
    table.rows.splice(row, 1)
    const formatted = `${formatTable(table)}\n${prefix.trimEnd()}\n${prefix}`
    dispatch(
      state.update({
        changes: { from: table.from, to: table.to, insert: formatted },
        selection: EditorSelection.cursor(table.from + formatted.length),
        scrollIntoView: true,
        userEvent: 'input.format',
      }),
    )
    return true
  }
  // Enter anywhere in a row opens the next row: a line break would cut the row in two.
  const insertAt = Math.max(row, 1) + 1
  insertRow(table, insertAt)
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
