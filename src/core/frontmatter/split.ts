/**
 * Locating the front matter block at the top of a Markdown text, without parsing it. Shared by
 * the parser, the lossless editor and the listing (which feeds it only the first bytes of a file).
 */

/** Which syntax the front matter block uses. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json'

/** Where the front matter block sits in a text; offsets are UTF-16 indexes into that text. */
export interface FrontMatterBlock {
  format: FrontMatterFormat
  /** Offset where the front matter's content starts (after the opening fence line; JSON: the `{`). */
  contentStart: number
  /** Offset just past the content (before the closing fence line; JSON: just past the `}`). */
  contentEnd: number
  /** Offset of the first character of the body. */
  bodyStart: number
  /** 1-based line number of the body's first line. */
  bodyStartLine: number
  /** 1-based line number of the front matter content's first line. */
  contentStartLine: number
}

/** A fence that opens but never closes in the text seen so far. */
export interface UnclosedFrontMatter {
  format: FrontMatterFormat
  unclosed: true
  /** 1-based line of the opening fence. */
  line: number
}

const fences: Record<string, FrontMatterFormat> = {
  '---': 'yaml',
  '+++': 'toml',
}

/** Offset just past the line that contains `offset` (past its `\n`), or the text length. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl === -1 ? text.length : nl + 1
}

function countLines(text: string, end: number): number {
  let lines = 1
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) lines++
  return lines
}

/**
 * Finds the front matter block at the top of `text` (a leading BOM is skipped). Returns null when
 * the text has none, and an `UnclosedFrontMatter` when a fence opens but does not close.
 */
export function findFrontMatter(text: string): FrontMatterBlock | UnclosedFrontMatter | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  if (text[start] === '{') return findJson(text, start)
  const firstLineEnd = lineEnd(text, start)
  const opener = text
    .slice(start, firstLineEnd)
    .replace(/\r?\n$/, '')
    .trimEnd()
  const format = fences[opener]
  if (!format || firstLineEnd === text.length) return null
  let pos = firstLineEnd
  while (pos < text.length) {
    const end = lineEnd(text, pos)
    const line = text
      .slice(pos, end)
      .replace(/\r?\n$/, '')
      .trimEnd()
    if (line === opener || (format === 'yaml' && line === '...')) {
      const contentStartLine = countLines(text, firstLineEnd)
      return {
        format,
        contentStart: firstLineEnd,
        contentEnd: pos,
        bodyStart: end,
        bodyStartLine: countLines(text, end),
        contentStartLine,
      }
    }
    pos = end
  }
  return { format, unclosed: true, line: 1 }
}

/** JSON front matter: a top-level object; its closing brace is found by scanning strings and nesting. */
function findJson(text: string, start: number): FrontMatterBlock | UnclosedFrontMatter {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
      continue
    }
    if (ch === '"') inString = true
    else if (ch === '{' || ch === '[') depth++
    else if (ch === '}' || ch === ']') {
      depth--
      if (depth === 0) {
        const bodyStart = lineEnd(text, i + 1)
        return {
          format: 'json',
          contentStart: start,
          contentEnd: i + 1,
          bodyStart,
          bodyStartLine: countLines(text, bodyStart),
          contentStartLine: countLines(text, start),
        }
      }
    }
  }
  return { format: 'json', unclosed: true, line: 1 }
}

/** True when `findFrontMatter` found a complete block. */
export function isFrontMatterBlock(
  found: FrontMatterBlock | UnclosedFrontMatter | null,
): found is FrontMatterBlock {
  return found !== null && !('unclosed' in found)
}
