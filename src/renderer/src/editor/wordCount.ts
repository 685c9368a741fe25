/**
 * Word and character counts and reading time, as an author means them: front matter and Markdown
 * markup are not words; code counts; CJK characters count one word each.
 */
import { frontMatterEnd } from '../../../core/markdown/frontMatterRegion'
import { minutesForWords, wordCount } from '../../../core/site/render'

/** Counts of a piece of article text. */
export interface TextCounts {
  words: number
  characters: number
  /** Minutes at 230 words a minute, at least 1 for any text. */
  readingMinutes: number
}

/**
 * Counts words, characters (without line breaks) and reading time of `text`, by the same rule
 * as the published page's reading time (`wordCount`), so the status bar and the page agree.
 */
export function countText(text: string, options: { skipFrontMatter?: boolean } = {}): TextCounts {
  const body = options.skipFrontMatter === false ? text : text.slice(bodyStart(text))
  const words = wordCount(body)
  const characters = body.replace(/\r?\n/g, '').length
  return { words, characters, readingMinutes: words === 0 ? 0 : minutesForWords(words) }
}

/** Where the body of an article's `text` starts: after its front matter (found as the build does). */
export function bodyStart(text: string): number {
  return Math.max(0, frontMatterEnd(text))
}
