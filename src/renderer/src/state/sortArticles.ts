/** The article list's order: newest first by front matter date, then by file modification time. */
import type { ArticleSummary } from '../../../core/api'

function dateValue(date: string | null): number {
  if (!date) return Number.NEGATIVE_INFINITY
  const value = Date.parse(date)
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value
}

/** A new array of the articles, newest first; undated articles last, newest file first. */
export function sortArticles(articles: readonly ArticleSummary[]): ArticleSummary[] {
  return [...articles].sort(
    (a, b) =>
      dateValue(b.date) - dateValue(a.date) ||
      b.mtimeMs - a.mtimeMs ||
      a.path.localeCompare(b.path),
  )
}
