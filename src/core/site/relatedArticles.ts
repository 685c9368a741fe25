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

/** The 20 most frequent distinctive words of an article (title counted twice), for `relatedArticles`. */
export function articleKeywords(article: ArticleInput): string[] {
  return keywords(article, 20)
}

function keywords(article: ArticleInput, limit: number): string[] {
  const counts = new Map<string, number>()
  const text =
    `${article.title} ${article.title} ${article.description} ${article.body}`.toLowerCase()
  for (const word of text.match(/\p{L}{4,}/gu) ?? []) {
    if (!stopWords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  // The `limit` best, as sorting every word by count (then alphabetically) would rank them, kept
  // in one pass: most words are rejected by one comparison with the last of the best.
  const best: [string, number][] = []
  for (const entry of counts) {
    if (best.length === limit && !ranksHigher(entry, best[limit - 1])) continue
    let at = best.length
    while (at > 0 && ranksHigher(entry, best[at - 1])) at--
    best.splice(at, 0, entry)
    if (best.length > limit) best.pop()
  }
  return best.map(([word]) => word)
}

function ranksHigher(a: [string, number], b: [string, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0].localeCompare(b[0]) < 0)
}

/**
 * For each article (by path), up to `count` related articles from `articles`: ranked by shared
 * tags, then shared keywords, then recency order of `articles`. `keywordsOf` may answer from a
 * cache; it must give what `articleKeywords` gives.
 */
export function relatedArticles(
  articles: ArticleInput[],
  count = 3,
  keywordsOf: (article: ArticleInput) => string[] = articleKeywords,
): Map<string, ArticleInput[]> {
  const tags = articles.map(relatedTags)
  const words = articles.map(keywordsOf)
  const ranked = relatedIndexes(tags, words, count, articles.keys())
  const result = new Map<string, ArticleInput[]>()
  ranked.forEach((best, i) =>
    result.set(
      articles[i].path,
      best.map((j) => articles[j]),
    ),
  )
  return result
}

/** The tags of an article as `relatedIndexes` compares them: lower case, each once. */
export function relatedTags(article: ArticleInput): string[] {
  return [...new Set(article.tags.map((t) => t.toLowerCase()))]
}

/**
 * The ranking behind `relatedArticles`, on indexes: for each index in `only`, the indexes of up
 * to `count` related articles, given every article's `relatedTags` and keywords (in recency order).
 */
export function relatedIndexes(
  tagsOf: string[][],
  words: string[][],
  count: number,
  only: Iterable<number>,
): Map<number, number[]> {
  const byTag = new Map<string, number[]>()
  const byWord = new Map<string, number[]>()
  tagsOf.forEach((tags, i) => {
    for (const tag of tags) push(byTag, tag, i)
    for (const word of words[i]) push(byWord, word, i)
  })
  // Words in a tenth or more of all articles say nothing about relatedness.
  const commonLimit = Math.max(3, Math.ceil(tagsOf.length / 10))
  // NOTE: one score array reused for every article (reset through `touched`): a site of
  // thousands of articles sharing popular tags would otherwise allocate millions of map entries.
  const scores = new Float64Array(tagsOf.length)
  const touched: number[] = []
  const result = new Map<number, number[]>()
  for (const i of only) {
    for (const tag of tagsOf[i]) addScores(byTag.get(tag) ?? [], 1000, scores, touched)
    for (const word of words[i]) {
      const posting = byWord.get(word) ?? []
      if (posting.length <= commonLimit) addScores(posting, 1, scores, touched)
    }
    const best: number[] = []
    for (const j of touched) {
      if (j !== i) insertRanked(best, j, scores, count)
    }
    for (const j of touched) scores[j] = 0
    touched.length = 0
    result.set(i, best)
  }
  return result
}

function addScores(posting: number[], points: number, scores: Float64Array, touched: number[]) {
  for (const j of posting) {
    if (scores[j] === 0) touched.push(j)
    scores[j] += points
  }
}

function ranksBefore(a: number, b: number, scores: Float64Array): boolean {
  return scores[a] > scores[b] || (scores[a] === scores[b] && a < b)
}

/** Keeps `best` the top `count` indexes by score (higher first), then by index (lower first). */
function insertRanked(best: number[], j: number, scores: Float64Array, count: number): void {
  if (best.length === count && !ranksBefore(j, best[count - 1], scores)) return
  let at = best.length
  while (at > 0 && ranksBefore(j, best[at - 1], scores)) at--
  best.splice(at, 0, j)
  if (best.length > count) best.pop()
}

function push(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key)
  if (list) list.push(value)
  else index.set(key, [value])
}
