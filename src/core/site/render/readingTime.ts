/** Words and reading time of an article body: the "5 min read" of its page, cards and editor. */

/** Markdown markup that is not words: image and link syntax, emphasis, headings, list markers. */
const markup = /!\[|\]\([^)]*\)|[#>*_~`|[\]]|^\s*([-+]|\d+[.)])\s/gm
/** Kana, CJK ideographs and Hangul: scripts written without spaces, one word a character. */
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g
const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/**
 * Words in Markdown as an author means them, counting code and prose alike (what a reader
 * scrolls past): markup is not words, and each CJK character counts as one word.
 */
export function wordCount(markdown: string): number {
  const plain = markdown.replace(markup, ' ')
  const cjkCount = plain.match(cjk)?.length ?? 0
  const rest = cjkCount === 0 ? plain : plain.replace(cjk, ' ')
  return (rest.match(word)?.length ?? 0) + cjkCount
}

/** Whole minutes to read `words` words at 230 words a minute; at least 1. */
export function minutesForWords(words: number): number {
  return Math.max(1, Math.round(words / 230))
}

// List pages show the same article many times; counting words once per body saves most of it.
const minutesByBody = new Map<string, number>()

/** Whole minutes to read `markdown` (see `wordCount`, `minutesForWords`). */
export function readingMinutes(markdown: string): number {
  let minutes = minutesByBody.get(markdown)
  if (minutes === undefined) {
    minutes = minutesForWords(wordCount(markdown))
    if (minutesByBody.size >= 20_000) minutesByBody.clear()
    minutesByBody.set(markdown, minutes)
  }
  return minutes
}
