/**
 * "Related articles": those sharing the most tags, then the most distinctive words. Never the
 * article itself; the caller passes only published articles, so drafts never appear.
 */
import type { ArticleInput } from './render/viewTypes'

const stopWords = new Set(
  (
    'about after again also because been before being between both could does doing down during each ' +
    'from further have having here into itself just more most other over same should some such than ' +
    'that their them then there these they this those through under until very what when where which ' +
    'while will with would your yours ours were shall only also into onto upon'
  ).split(' '),
)

function keywords(article: ArticleInput, limit: number): string[] {
  const counts = new Map<string, number>()
  const text =
    `${article.title} ${article.title} ${article.description} ${article.body}`.toLowerCase()
  for (const word of text.match(/\p{L}{4,}/gu) ?? []) {
    if (!stopWords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word]) => word)
}

/**
 * For each article (by path), up to `count` related articles from `articles`: ranked by shared
 * tags, then shared keywords, then recency order of `articles`.
 */
export function relatedArticles(articles: ArticleInput[], count = 3): Map<string, ArticleInput[]> {
  const byTag = new Map<string, number[]>()
  const byWord = new Map<string, number[]>()
  const words = articles.map((article) => keywords(article, 20))
  articles.forEach((article, i) => {
    for (const tag of new Set(article.tags.map((t) => t.toLowerCase()))) push(byTag, tag, i)
    for (const word of words[i]) push(byWord, word, i)
  })
  // Words in a tenth or more of all articles say nothing about relatedness.
  const commonLimit = Math.max(3, Math.ceil(articles.length / 10))
  const result = new Map<string, ArticleInput[]>()
  articles.forEach((article, i) => {
    const scores = new Map<number, number>()
    for (const tag of new Set(article.tags.map((t) => t.toLowerCase()))) {
      for (const j of byTag.get(tag) ?? []) scores.set(j, (scores.get(j) ?? 0) + 1000)
    }
    for (const word of words[i]) {
      const posting = byWord.get(word) ?? []
      if (posting.length > commonLimit) continue
      for (const j of posting) scores.set(j, (scores.get(j) ?? 0) + 1)
    }
    scores.delete(i)
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])
    result.set(
      article.path,
      ranked.slice(0, count).map(([j]) => articles[j]),
    )
  })
  return result
}

function push(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key)
  if (list) list.push(value)
  else index.set(key, [value])
}
