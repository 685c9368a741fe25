/**
 * The front matter at the top of an article, found as the build finds it (core `findFrontMatter`:
 * YAML `---` closed by `---` or `...`, TOML `+++`, JSON `{ ... }`). The build renders only the body
 * after it; the preview renders the whole text, so it blanks the front matter into as many empty
 * lines: the same page, and every line where it was (scroll sync counts lines).
 */
import { findFrontMatter, isFrontMatterBlock } from '../frontmatter/split'

/**
 * Offset of the body after the front matter at the top of `text`: 0 without any, -1 when it is
 * not closed in `text` (which may be the start of a longer text).
 */
export function frontMatterEnd(text: string): number {
  const found = findFrontMatter(text)
  if (found === null) return 0
  return isFrontMatterBlock(found) ? found.bodyStart : -1
}

/** `text` with the front matter at its top (if any) turned into empty lines. */
export function blankFrontMatter(text: string): string {
  const end = frontMatterEnd(text)
  return end <= 0 ? text : text.slice(0, end).replace(/[^\n]/g, '') + text.slice(end)
}
