import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../src/core/api'
import {
  emptyArticleQuery,
  queryArticles,
  workspaceTags,
} from '../../../src/renderer/src/state/articleQuery'
import { listWindow } from '../../../src/renderer/src/state/listWindow'

function article(path: string, fields: Partial<ArticleSummary>): ArticleSummary {
  return { path, title: '', date: null, tags: [], draft: false, size: 1, mtimeMs: 0, ...fields }
}

const articles = [
  article('posts/b.md', { title: 'Bread at dawn', date: '2025-03-01', tags: ['food'], mtimeMs: 5 }),
  article('posts/a.md', {
    title: 'Alpine walk',
    date: '2025-05-01',
    tags: ['walking'],
    mtimeMs: 1,
  }),
  article('posts/c.md', {
    title: 'Cliffs',
    date: null,
    tags: ['walking', 'sea'],
    draft: true,
    mtimeMs: 9,
  }),
]
const titles = (list: ArticleSummary[]) => list.map((a) => a.title)

describe('the article list query', () => {
  it('shows every article newest first by default, undated last', () => {
    expect(titles(queryArticles(articles, emptyArticleQuery, null))).toEqual([
      'Alpine walk',
      'Bread at dawn',
      'Cliffs',
    ])
  })

  it('sorts by title and by modification time', () => {
    const byTitle = queryArticles(articles, { ...emptyArticleQuery, order: 'title' }, null)
    expect(titles(byTitle)).toEqual(['Alpine walk', 'Bread at dawn', 'Cliffs'])
    const byModified = queryArticles(articles, { ...emptyArticleQuery, order: 'modified' }, null)
    expect(titles(byModified)).toEqual(['Cliffs', 'Bread at dawn', 'Alpine walk'])
  })

  it('filters by tag and by draft state', () => {
    expect(titles(queryArticles(articles, { ...emptyArticleQuery, tag: 'walking' }, null))).toEqual(
      ['Alpine walk', 'Cliffs'],
    )
    expect(
      titles(queryArticles(articles, { ...emptyArticleQuery, draft: 'drafts' }, null)),
    ).toEqual(['Cliffs'])
    expect(
      titles(queryArticles(articles, { ...emptyArticleQuery, draft: 'published' }, null)),
    ).toEqual(['Alpine walk', 'Bread at dawn'])
  })

  it('matches every word of the text against titles and tags, case-insensitively', () => {
    expect(
      titles(queryArticles(articles, { ...emptyArticleQuery, text: 'SEA cliffs' }, null)),
    ).toEqual(['Cliffs'])
    expect(queryArticles(articles, { ...emptyArticleQuery, text: 'sea bread' }, null)).toEqual([])
  })

  it('adds the body hits the backend found for the same text', () => {
    const hits = new Set(['posts/b.md'])
    expect(titles(queryArticles(articles, { ...emptyArticleQuery, text: 'yeast' }, hits))).toEqual([
      'Bread at dawn',
    ])
  })

  it('collects each workspace tag once, sorted', () => {
    expect(workspaceTags(articles)).toEqual(['food', 'sea', 'walking'])
  })
})

describe('the list window', () => {
  it('renders only the rows in view plus the overscan, with spacers for the rest', () => {
    const window = listWindow(10_000, 50, 50_000, 500, 5)
    expect(window.start).toBe(995)
    expect(window.end).toBe(1000 + 11 + 5)
    expect(window.padTop).toBe(995 * 50)
    expect(window.padTop + (window.end - window.start) * 50 + window.padBottom).toBe(10_000 * 50)
  })

  it('clamps at the ends of the list', () => {
    expect(listWindow(3, 50, 0, 500)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 })
    const last = listWindow(100, 50, 99_999, 500, 2)
    expect(last.end).toBe(100)
    expect(last.start).toBe(97)
    expect(last.padBottom).toBe(0)
  })
})
