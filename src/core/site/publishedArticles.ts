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

/** Newest first; undated articles after dated ones, then by title, then path (stable output). */
export function newestFirst(a: ArticleInput, b: ArticleInput): number {
  const ta = parseDate(a.date)?.getTime() ?? -Infinity
  const tb = parseDate(b.date)?.getTime() ?? -Infinity
  if (ta !== tb) return tb - ta
  return a.title.localeCompare(b.title) || a.path.localeCompare(b.path)
}
