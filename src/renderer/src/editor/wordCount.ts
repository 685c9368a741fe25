/**
 * Word and character counts and reading time, as an author means them: front matter and Markdown
 * markup are not words; code counts; CJK characters count one word each.
 */

/** Counts of a piece of article text. */
export interface TextCounts {
  words: number
  characters: number
  /** Minutes at 230 words a minute, at least 1 for any text. */
  readingMinutes: number
}

const frontMatter = /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(---|\.\.\.|\+\+\+)[ \t]*(\r?\n|$)/
const markup = /!\[|\]\([^)]*\)|[#>*_~`|[\]]|^\s*([-+]|\d+[.)])\s/gm
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g
const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** Counts words, characters (without line breaks) and reading time of `text`. */
export function countText(text: string, options: { skipFrontMatter?: boolean } = {}): TextCounts {
  const body = options.skipFrontMatter === false ? text : text.replace(frontMatter, '')
  const plain = body.replace(markup, ' ')
  const cjkCount = plain.match(cjk)?.length ?? 0
  const words = (plain.replace(cjk, ' ').match(word)?.length ?? 0) + cjkCount
  const characters = body.replace(/\r?\n/g, '').length
  return {
    words,
    characters,
    readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / 230)),
  }
}
