/** Which articles a build publishes, and in what order. */
import { parseDate } from './render/formatDate'
import type { ArticleInput } from './render/viewTypes'

/** Options deciding what is published. */
export interface PublishFilter {
  /** Include drafts and future-dated articles (a local preview build). */
  drafts?: boolean
  now?: Date
}

/** Whether `article` is published by a build with `filter`: not a draft, not dated in the future. */
export function isPublished(article: ArticleInput, filter: PublishFilter): boolean {
  if (filter.drafts) return true
  if (article.draft) return false
  const date = parseDate(article.date)
  return !date || date.getTime() <= (filter.now ?? new Date()).getTime()
}

// Sorting thousands of articles compares each date many times; parse each date text once.
const times = new Map<string, number>()

function timeOf(value: string | null): number {
  if (!value) return -Infinity
  let time = times.get(value)
  if (time === undefined) {
    time = parseDate(value)?.getTime() ?? -Infinity
    if (times.size >= 50_000) times.clear()
    times.set(value, time)
  }
  return time
}

/** Newest first; undated articles after dated ones, then by title, then path (stable output). */
export function newestFirst(a: ArticleInput, b: ArticleInput): number {
  const ta = timeOf(a.date)
  const tb = timeOf(b.date)
  if (ta !== tb) return tb - ta
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path)
}
