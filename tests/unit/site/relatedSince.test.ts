import { describe, expect, it } from 'vitest'
import { articleKeywords, relatedArticles } from '../../../src/core/site/relatedArticles'
import { relatedArticlesSince } from '../../../src/core/site/relatedSince'
import type { ArticleInput } from '../../../src/core/site/render'
import { articleInput } from './articleInput'

// Many rare words, so keywords (not only tags) decide the ranking.
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'wen', 'zor']
const words = syllables.flatMap((a) => syllables.flatMap((b) => syllables.map((c) => a + b + c)))
const tags = ['sea', 'hills', 'rain', 'food', 'music']

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function article(i: number, next: () => number): ArticleInput {
  const own = tags.filter(() => next() < 0.2)
  return { ...base(i), tags: own, body: body(next) }
}

function body(next: () => number): string {
  return Array.from({ length: 25 }, () => words[Math.floor(next() * 300)]).join(' ')
}

function base(i: number): ArticleInput {
  const date = `2024-01-${String((i % 28) + 1).padStart(2, '0')}`
  return articleInput(`p${i}`, { title: `Post ${i}`, date })
}

const paths = (map: Map<string, ArticleInput[]>) =>
  [...map].map(([path, list]) => [path, list.map((a) => a.path)])

describe('relatedArticlesSince', () => {
  it('gives what relatedArticles gives after edits to bodies and tags, over many seeds', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const next = random(seed)
      const articles = Array.from({ length: 60 }, (_, i) => article(i, next))
      let record = relatedArticlesSince(null, articles, 3, articleKeywords).record
      for (let round = 0; round < 4; round++) {
        const at = Math.floor(next() * articles.length)
        const edited = { ...articles[at] }
        const roll = next()
        if (roll < 0.33) edited.body = body(next)
        else if (roll < 0.66) edited.body += ` ${words[round]} ${words[round]} ${words[round]}`
        else edited.tags = tags.filter(() => next() < 0.4)
        articles[at] = edited
        const since = relatedArticlesSince(record, articles, 3, articleKeywords)
        expect(paths(since.related)).toEqual(paths(relatedArticles(articles, 3)))
        record = since.record
      }
    }
  })

  it('ranks again only when something it depends on changed', () => {
    const next = random(7)
    const articles = Array.from({ length: 30 }, (_, i) => article(i, next))
    const first = relatedArticlesSince(null, articles, 3, articleKeywords)
    expect(first.changed).toBe(true)
    const again = relatedArticlesSince(first.record, articles, 3, articleKeywords)
    expect(again.changed).toBe(false)
    expect(paths(again.related)).toEqual(paths(first.related))
  })

  it('ranks everything again when the list of articles changed', () => {
    const next = random(9)
    const articles = Array.from({ length: 30 }, (_, i) => article(i, next))
    const { record } = relatedArticlesSince(null, articles, 3, articleKeywords)
    const fewer = articles.slice(1)
    const since = relatedArticlesSince(record, fewer, 3, articleKeywords)
    expect(since.changed).toBe(true)
    expect(paths(since.related)).toEqual(paths(relatedArticles(fewer, 3)))
  })
})
