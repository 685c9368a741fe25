/**
 * The front matter form's model: the fields it shows, read from the editor's text, and the
 * transaction that writes a change back into that text through the lossless front matter editor.
 * Pure functions over text and EditorState, so form and text can never hold two truths.
 */
import type { EditorState, Text, TransactionSpec } from '@codemirror/state'
import {
  findFrontMatter,
  isFrontMatterBlock,
  parseFrontMatter,
  setFrontMatterFields,
  tagList,
} from '../../../core/frontmatter'

/** The fields the form edits, as the form shows them. */
export interface FormFields {
  title: string
  /** `YYYY-MM-DD` for the date picker ('' when missing or unreadable). */
  date: string
  /** The date exactly as written, so a new day keeps its time and format. */
  dateWritten: string
  description: string
  tags: string[]
  draft: boolean
  /** The key holding the cover image (`cover`, `image`, ...), and its value. */
  coverKey: string
  cover: string
  author: string
}

/** What the form reads from a text: its fields, or the problem that keeps it disabled. */
export type FormReading =
  { ok: true; fields: FormFields } | { ok: false; message: string; line: number }

const coverKeys = ['cover', 'image', 'featured_image', 'cover_image', 'thumbnail']

function text(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString()
  return ''
}

/**
 * The part of `doc` that `readFormFields` reads: the front matter block with the line break after
 * it ('' without front matter; the whole text when a block never closes, for the problem's
 * message). Taken from the top without copying a long article.
 */
export function frontMatterSource(doc: Text): string {
  for (let size = 4096; ; size *= 4) {
    const head = doc.sliceString(0, size)
    const whole = head.length === doc.length
    const found = findFrontMatter(head)
    // NOTE: a block counts only when its closing line ends inside the slice, not cut by it.
    if (isFrontMatterBlock(found) && (whole || found.bodyStart < head.length))
      return head.slice(0, found.bodyStart)
    if (whole) return found ? head : ''
    if (found === null && head.includes('\n')) return ''
  }
}

/** Reads the form's fields from an article's text (front matter in YAML, TOML or JSON). */
export function readFormFields(source: string): FormReading {
  const parsed = parseFrontMatter(source)
  if (parsed.error) return { ok: false, message: parsed.error.message, line: parsed.error.line }
  const data = parsed.data
  const dateWritten = text(data.date)
  const coverKey = coverKeys.find((key) => key in data) ?? 'cover'
  return {
    ok: true,
    fields: {
      title: text(data.title),
      date: /^\d{4}-\d{2}-\d{2}/.exec(dateWritten)?.[0] ?? '',
      dateWritten,
      description: text(data.description),
      tags: tagList(data.tags),
      draft: data.draft === true || data.draft === 'true',
      coverKey,
      cover: text(data[coverKey]),
      author: text(data.author),
    },
  }
}

/**
 * The value to write for a new day picked in the date field: the written date with its day
 * replaced (time and zone kept), or the bare day; null when the field was cleared.
 */
/**
 * Whether the date field's value `day` ('YYYY-MM-DD', or '' with `badInput` while a segment is
 * half typed) should be written to the front matter: a whole date with a year of four digits
 * from 1000, or an empty field that is really empty (cleared).
 */
export function dateToWrite(day: string, badInput: boolean): boolean {
  if (day === '') return !badInput
  const year = /^(\d+)-\d{2}-\d{2}$/.exec(day)?.[1]
  return year !== undefined && year.length === 4 && Number(year) >= 1000
}

export function datePicked(dateWritten: string, day: string): string | null {
  if (!day) return null
  return /^\d{4}-\d{2}-\d{2}/.test(dateWritten) ? day + dateWritten.slice(10) : day
}

/**
 * The transaction that sets `fields` in the state's front matter (null removes a field), as the
 * smallest change to the text so the cursor stays put and one undo reverts it. Throws FolioError
 * 'frontmatter' when the front matter is malformed.
 */
export function setFieldsTransaction(
  state: EditorState,
  fields: Record<string, unknown>,
): TransactionSpec | null {
  const before = state.doc.toString()
  const after = setFrontMatterFields(before, fields)
  if (after === before) return null
  let start = 0
  const shortest = Math.min(before.length, after.length)
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let endBefore = before.length
  let endAfter = after.length
  while (
    endBefore > start &&
    endAfter > start &&
    before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)
  ) {
    endBefore--
    endAfter--
  }
  // NOTE: no user event: CodeMirror's history joins only unlabelled, typing and deleting
  // changes, and a title typed into the form should undo in one step like one typed in the text.
  return { changes: { from: start, to: endBefore, insert: after.slice(start, endAfter) } }
}

/** The form's text fields whose outer spaces stay in the field and not in the text. */
const trimmedFields = ['title', 'description', 'author', 'cover'] as const

/**
 * A new reading of the text for the form, keeping what the author is typing where the text
 * holds the same words without the spaces at their ends (a space typed before the next word is
 * not in the text yet, and must not vanish from the field when the text is read again).
 */
export function keepTyping(
  typed: FormReading | null,
  reading: FormReading | null,
): FormReading | null {
  if (!typed?.ok || !reading?.ok) return reading
  const fields = { ...reading.fields }
  for (const key of trimmedFields)
    if (typed.fields[key].trim() === fields[key]) fields[key] = typed.fields[key]
  return { ...reading, fields }
}
