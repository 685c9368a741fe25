/**
 * A scanner for the top-level `key = value` lines of TOML front matter, so a field can be read
 * as written or replaced without touching any other byte. It assumes the text already parsed.
 */

/** One top-level `key = value` entry, with offsets into the scanned TOML text. */
export interface TomlMember {
  /** The key as a plain name (quotes removed); dotted keys keep their dots. */
  key: string
  /** Start of the line holding the key. */
  lineStart: number
  valueStart: number
  /** Just past the value (before any trailing comment or spaces). */
  valueEnd: number
  /** Just past the newline of the line where the value ends (or the text end). */
  lineEnd: number
}

/** The top-level members and where the first `[table]` header starts (or the text length). */
export interface TomlLayout {
  members: TomlMember[]
  tablesStart: number
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl === -1 ? text.length : nl + 1
}

function skipQuoted(text: string, i: number, quote: string, escapes: boolean): number {
  const multi = text.startsWith(quote.repeat(3), i)
  const close = multi ? quote.repeat(3) : quote
  let j = i + close.length
  while (j < text.length) {
    if (escapes && text[j] === '\\') {
      j += 2
      continue
    }
    if (text.startsWith(close, j)) {
      j += close.length
      // NOTE: a multi-line string may end with up to two extra quote characters (`""""`).
      while (multi && text[j] === quote) j++
      return j
    }
    j++
  }
  return text.length
}

/** Returns the offset just past the TOML value starting at `i`. */
export function skipTomlValue(text: string, i: number): number {
  const ch = text[i]
  if (ch === '"' || ch === "'") return skipQuoted(text, i, ch, ch === '"')
  if (ch === '[' || ch === '{') {
    let depth = 0
    let j = i
    while (j < text.length) {
      const c = text[j]
      if (c === '"' || c === "'") {
        j = skipQuoted(text, j, c, c === '"')
        continue
      }
      if (c === '#') {
        j = lineEndAt(text, j)
        continue
      }
      if (c === '[' || c === '{') depth++
      else if (c === ']' || c === '}') {
        depth--
        if (depth === 0) return j + 1
      }
      j++
    }
    return text.length
  }
  let j = i
  while (j < text.length && text[j] !== '#' && text[j] !== '\n' && text[j] !== '\r') j++
  while (j > i && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--
  return j
}

function readKey(text: string, i: number): { key: string; end: number } | null {
  let key = ''
  let j = i
  for (;;) {
    const ch = text[j]
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(text, j, ch, ch === '"')
      const raw = text.slice(j, end)
      key += ch === '"' ? (JSON.parse(raw) as string) : raw.slice(1, -1)
      j = end
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(text.slice(j, j + 256))
      if (!m) return null
      key += m[0]
      j += m[0].length
    }
    while (text[j] === ' ' || text[j] === '\t') j++
    if (text[j] !== '.') return { key, end: j }
    key += '.'
    j++
    while (text[j] === ' ' || text[j] === '\t') j++
  }
}

/** Scans the top-level members of TOML text (the content between `+++` fences). */
export function scanToml(text: string): TomlLayout {
  const members: TomlMember[] = []
  let pos = 0
  while (pos < text.length) {
    let i = pos
    while (text[i] === ' ' || text[i] === '\t') i++
    const ch = text[i]
    if (ch === '[') return { members, tablesStart: pos }
    if (ch === '#' || ch === '\n' || ch === '\r' || ch === undefined) {
      pos = lineEndAt(text, pos)
      continue
    }
    const key = readKey(text, i)
    if (!key || text[key.end] !== '=') {
      pos = lineEndAt(text, pos)
      continue
    }
    let valueStart = key.end + 1
    while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++
    const valueEnd = skipTomlValue(text, valueStart)
    const end = lineEndAt(text, valueEnd)
    members.push({
      key: key.key,
      lineStart: pos,
      valueStart,
      valueEnd,
      lineEnd: end,
    })
    pos = end
  }
  return { members, tablesStart: text.length }
}
