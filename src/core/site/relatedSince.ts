/**
 * Related articles kept from one build to the next: when the published articles are the same and
 * in the same order, only the articles whose ranking can have changed are ranked again (those
 * sharing a tag with an article whose tags changed, or holding a keyword an article gained or
 * lost). The result is always what `relatedArticles` gives.
 */
import { relatedIndexes, relatedTags } from './relatedArticles'
import type { ArticleInput } from './render/viewTypes'

/** What a build remembers of its related articles, for the next build. */
export interface RelatedRecord {
  count: number
  paths: string[]
  tags: string[][]
  keywords: string[][]
  related: number[][]
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

function affectedIndexes(
  previous: RelatedRecord,
  tags: string[][],
  words: string[][],
): Set<number> {
  const byTag = new Map<string, number[]>()
  const byWord = new Map<string, number[]>()
  const add = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key)
    if (list) list.push(i)
    else index.set(key, [i])
  }
  tags.forEach((list, i) => list.forEach((tag) => add(byTag, tag, i)))
  words.forEach((list, i) => list.forEach((word) => add(byWord, word, i)))
  const affected = new Set<number>()
  const addAll = (list: number[] | undefined) => list?.forEach((j) => affected.add(j))
  tags.forEach((list, i) => {
    const oldTags = previous.tags[i]
    if (!sameList(oldTags, list)) {
      affected.add(i)
      for (const tag of [...oldTags, ...list]) addAll(byTag.get(tag))
    }
    const oldWords = previous.keywords[i]
    if (!sameList(oldWords, words[i])) {
      affected.add(i)
      const before = new Set(oldWords)
      const after = new Set(words[i])
      for (const word of before) if (!after.has(word)) addAll(byWord.get(word))
      for (const word of after) if (!before.has(word)) addAll(byWord.get(word))
    }
  })
  return affected
}

/**
 * `relatedArticles(articles, count, keywordsOf)`, reusing `previous` (the last build's record)
 * where it still holds, and the record to keep for the next build (`changed` when it differs).
 */
export function relatedArticlesSince(
  previous: RelatedRecord | null,
  articles: ArticleInput[],
  count: number,
  keywordsOf: (article: ArticleInput) => string[],
): { related: Map<string, ArticleInput[]>; record: RelatedRecord; changed: boolean } {
  const paths = articles.map((a) => a.path)
  const tags = articles.map(relatedTags)
  const words = articles.map(keywordsOf)
  const reusable = previous !== null && previous.count === count && sameList(previous.paths, paths)
  const only = reusable ? affectedIndexes(previous, tags, words) : new Set(articles.keys())
  const ranked = relatedIndexes(tags, words, count, only)
  const indexes = articles.map((_, i) => ranked.get(i) ?? (previous as RelatedRecord).related[i])
  const related = new Map<string, ArticleInput[]>()
  indexes.forEach((best, i) =>
    related.set(
      paths[i],
      best.map((j) => articles[j]),
    ),
  )
  const record = { count, paths, tags, keywords: words, related: indexes }
  return { related, record, changed: only.size > 0 || !reusable }
}
