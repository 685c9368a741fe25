/** Replacing ranges of a text, so a front matter edit can touch only the bytes it means to. */

/** Replace `text.slice(start, end)` with `insert`; offsets refer to the original text. */
export interface TextEdit {
  start: number
  end: number
  insert: string
}

/**
 * Applies non-overlapping edits given in any order. At one offset, insertions land in the order
 * given and before a replacement that starts there.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const ordered = edits
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i)
  let out = text
  for (const e of ordered) out = out.slice(0, e.start) + e.insert + out.slice(e.end)
  return out
}

/** Offset of the start of the line containing `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset just past the newline that ends the line containing `offset` (or the text end). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl === -1 ? text.length : nl + 1
}

/** Moves `end` back over trailing spaces and line breaks. */
export function trimEndOffset(text: string, start: number, end: number): number {
  let e = end
  while (e > start && ' \t\r\n'.includes(text[e - 1])) e--
  return e
}

/** The line break a text uses ('\r\n' if its first line break is CRLF). */
export function lineBreakOf(text: string): string {
  const nl = text.indexOf('\n')
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n'
}
