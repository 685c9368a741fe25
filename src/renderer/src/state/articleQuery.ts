/**
 * What the article list shows: the workspace's articles filtered by tag, draft state and text,
 * in the chosen order. Titles, tags and paths are matched here; bodies are matched by the
 * backend's `searchArticles`, whose hits are passed in.
 */
import type { ArticleSummary } from '../../../core/api'
import { sortArticles } from './sortArticles'
import type { ArticleOrder } from './sortArticles'

/** Which articles to show by draft state. */
export type DraftFilter = 'all' | 'drafts' | 'published'

/** The list's filter and order, as the author set them. */
export interface ArticleQuery {
  text: string
  /** Only articles with this tag; null for any. */
  tag: string | null
  draft: DraftFilter
  order: ArticleOrder
}

/** The query of a freshly opened list: everything, newest first. */
export const emptyArticleQuery: ArticleQuery = { text: '', tag: null, draft: 'all', order: 'date' }

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean)
}

function matchesText(article: ArticleSummary, queryWords: string[]): boolean {
  const haystack = [article.title, article.path, ...article.tags].join('\n').toLowerCase()
  return queryWords.every((word) => haystack.includes(word))
}

/**
 * The articles matching `query`, sorted. An article matches the text when every word occurs in
 * its title, tags or path, or when it is among `bodyHits` (the backend's search for the same
 * text; null while that search has not answered).
 */
export function queryArticles(
  articles: readonly ArticleSummary[],
  query: ArticleQuery,
  bodyHits: ReadonlySet<string> | null,
): ArticleSummary[] {
  const queryWords = words(query.text)
  const shown = articles.filter(
    (article) =>
      (query.tag === null || article.tags.includes(query.tag)) &&
      (query.draft === 'all' || article.draft === (query.draft === 'drafts')) &&
      (queryWords.length === 0 ||
        matchesText(article, queryWords) ||
        (bodyHits?.has(article.path) ?? false)),
  )
  return sortArticles(shown, query.order)
}

/** Every tag used in the workspace, once, sorted case-insensitively. */
export function workspaceTags(articles: readonly ArticleSummary[]): string[] {
  const tags = new Set<string>()
  for (const article of articles) for (const tag of article.tags) tags.add(tag)
  return [...tags].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }))
}
