/** Reading time of an article body, for the "5 min read" line. */

/** Words in a Markdown body, counting code and prose alike (what a reader scrolls past). */
export function wordCount(markdown: string): number {
  const words = markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)
  return words ? words.length : 0
}

/** Whole minutes to read `markdown` at 230 words a minute; at least 1. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(wordCount(markdown) / 230))
}
