/** Reading time of an article body, for the "5 min read" line. */

/** Words in a Markdown body, counting code and prose alike (what a reader scrolls past). */
export function wordCount(markdown: string): number {
  const words = markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)
  return words ? words.length : 0
}

// List pages show the same article many times; counting words once per body saves most of it.
const minutesByBody = new Map<string, number>()

/** Whole minutes to read `markdown` at 230 words a minute; at least 1. */
export function readingMinutes(markdown: string): number {
  let minutes = minutesByBody.get(markdown)
  if (minutes === undefined) {
    minutes = Math.max(1, Math.round(wordCount(markdown) / 230))
    if (minutesByBody.size >= 20_000) minutesByBody.clear()
    minutesByBody.set(markdown, minutes)
  }
  return minutes
}
