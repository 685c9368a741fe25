/**
 * Commands that insert Markdown constructs: links and images around the selection, and block
 * elements (code block, table, horizontal rule) on lines of their own.
 */
import { EditorSelection } from '@codemirror/state'
import type { EditorState, StateCommand, TransactionSpec } from '@codemirror/state'

function run(spec: (state: EditorState) => TransactionSpec): StateCommand {
  return ({ state, dispatch }) => {
    if (state.readOnly) return false
    dispatch(state.update(spec(state), { scrollIntoView: true, userEvent: 'input.format' }))
    return true
  }
}

/**
 * Inserts `block` at the main cursor, as its own paragraph (blank lines around it as needed), and
 * selects the part of it at `[selectFrom, selectTo)` (offsets within `block`).
 */
function insertOwnBlock(block: string, selectFrom: number, selectTo: number): StateCommand {
  return run((state) => {
    const range = state.selection.main
    const line = state.doc.lineAt(range.to)
    const onEmptyLine = range.empty && line.text.trim() === ''
    const hasText = (n: number) =>
      n >= 1 && n <= state.doc.lines && state.doc.line(n).text.trim() !== ''
    const from = onEmptyLine ? line.from : line.to
    const to = line.to
    const lead = onEmptyLine ? (hasText(line.number - 1) ? '\n' : '') : '\n\n'
    const tail = hasText(line.number + 1) ? '\n' : ''
    const start = from + lead.length
    return {
      changes: { from, to, insert: lead + block + tail },
      selection: EditorSelection.range(start + selectFrom, start + selectTo),
    }
  })
}

/** Wraps the selection as the text of a link `[text](url)` and selects `url` to type over. */
export const insertLink: StateCommand = run((state) => {
  const range = state.selection.main
  const text = state.sliceDoc(range.from, range.to)
  const isUrl = /^(https?:\/\/|mailto:)\S+$/.test(text)
  const insert = isUrl ? `[](${text})` : `[${text}](url)`
  const sel = isUrl
    ? EditorSelection.cursor(range.from + 1)
    : EditorSelection.range(range.from + text.length + 3, range.from + text.length + 6)
  return { changes: { from: range.from, to: range.to, insert }, selection: sel }
})

/** Inserts an image `![alt](path)` using the selection as alt text, and selects the path. */
export const insertImage: StateCommand = run((state) => {
  const range = state.selection.main
  const alt = state.sliceDoc(range.from, range.to) || 'alt text'
  const insert = `![${alt}](image.png)`
  const start = range.from + alt.length + 4
  return {
    changes: { from: range.from, to: range.to, insert },
    selection: EditorSelection.range(start, start + 'image.png'.length),
  }
})

/**
 * Inserts a fenced code block and puts the cursor on its language. A selection goes inside it:
 * whole lines are fenced where they are; part of a line becomes a block of its own, the text
 * before and after it staying paragraphs around it.
 */
export const insertCodeBlock: StateCommand = ({ state, dispatch }) => {
  const range = state.selection.main
  if (range.empty || state.readOnly) return insertOwnBlock('```\n\n```', 3, 3)({ state, dispatch })
  const first = state.doc.lineAt(range.from)
  const last = state.doc.lineAt(range.to)
  const before = state.sliceDoc(first.from, range.from)
  const after = state.sliceDoc(range.to, last.to)
  const wholeLines = before.trim() === '' && after.trim() === ''
  // Spaces between the block and the text around it go with the line break.
  const from = wholeLines ? first.from : range.from - (/\s*$/.exec(before)?.[0].length ?? 0)
  const to = wholeLines ? last.to : range.to + (/^\s*/.exec(after)?.[0].length ?? 0)
  const body = wholeLines
    ? state.sliceDoc(from, to)
    : state.sliceDoc(range.from, range.to).replace(/^\s+|\s+$/g, '')
  const lead = wholeLines || before.trim() === '' ? '' : '\n\n'
  const tail = wholeLines || after.trim() === '' ? '' : '\n\n'
  dispatch(
    state.update({
      changes: { from, to, insert: lead + '```\n' + body + '\n```' + tail },
      selection: EditorSelection.cursor(from + lead.length + 3),
      scrollIntoView: true,
      userEvent: 'input.format',
    }),
  )
  return true
}

/** Inserts a two-column Markdown table and selects the first header cell. */
export const insertTable: StateCommand = insertOwnBlock(
  '| Column | Column |\n| ------ | ------ |\n|        |        |',
  2,
  8,
)

/** Inserts a horizontal rule (`---`) as its own paragraph. */
export const insertHorizontalRule: StateCommand = insertOwnBlock('---', 3, 3)
