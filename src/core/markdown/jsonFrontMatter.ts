/**
 * JSON front matter (a `{ ... }` object at the very top, as Hugo reads it), which remark-frontmatter
 * does not know. The build renders only the body after it; the preview renders the whole text, so
 * it blanks the object into as many empty lines: the same page, every line where it was.
 */
import { findFrontMatter, isFrontMatterBlock } from '../frontmatter/split'

/**
 * Offset just after the closing line of JSON front matter at the top of `text`: 0 without any, -1
 * when the object is not closed in `text` (which may be the start of a longer text).
 */
export function jsonFrontMatterEnd(text: string): number {
  if (text.charCodeAt(0) !== 0x7b) return 0
  const found = findFrontMatter(text)
  return isFrontMatterBlock(found) ? found.bodyStart : -1
}

/** `text` with the JSON front matter at its top (if any) turned into empty lines. */
export function blankJsonFrontMatter(text: string): string {
  const end = jsonFrontMatterEnd(text)
  return end <= 0 ? text : text.slice(0, end).replace(/[^\n]/g, '') + text.slice(end)
}
