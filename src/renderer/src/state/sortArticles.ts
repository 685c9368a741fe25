/** The article list's order: by front matter date (newest first), by title, or by modification. */
import type { ArticleSummary } from '../../../core/api'

/** The orders the article list offers. */
export type ArticleOrder = 'date' | 'title' | 'modified'

function dateValue(date: string | null): number {
  if (!date) return Number.NEGATIVE_INFINITY
  const value = Date.parse(date)
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value
}

const comparators: Record<ArticleOrder, (a: ArticleSummary, b: ArticleSummary) => number> = {
  date: (a, b) => dateValue(b.date) - dateValue(a.date) || b.mtimeMs - a.mtimeMs,
  title: (a, b) =>
    (a.title || a.path).localeCompare(b.title || b.path, undefined, { sensitivity: 'base' }),
  modified: (a, b) => b.mtimeMs - a.mtimeMs,
}

/**
 * The list with `summary` in place of the entry of its path (added when it has none), in the
 * default order: how the list follows an article Folio itself saved, which the watcher leaves out.
 */
export function withArticle(
  articles: readonly ArticleSummary[],
  summary: ArticleSummary,
): ArticleSummary[] {
  return sortArticles([...articles.filter((a) => a.path !== summary.path), summary])
}

/**
 * A new array of the articles in `order`: newest date first (undated last, newest file first),
 * title A–Z, or most recently modified first. Ties fall back to the path, so the order is stable.
 */
export function sortArticles(
  articles: readonly ArticleSummary[],
  order: ArticleOrder = 'date',
): ArticleSummary[] {
  const compare = comparators[order]
  return [...articles].sort((a, b) => compare(a, b) || a.path.localeCompare(b.path))
}
