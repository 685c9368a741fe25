import { describe, expect, it } from 'vitest'
import { articleFacts } from '../../../src/core/site/loadSources'
import { articleKeywords } from '../../../src/core/site/relatedArticles'
import { bodyKey } from '../../../src/core/site/renderBody'
import { readingMinutes } from '../../../src/core/site/render'
import { searchIndexBytes } from '../../../src/core/site/searchIndex'
import { articleInput } from './articleInput'

const sourceArticle = (slug: string, body: string) => ({
  ...articleInput(slug, { body, tags: ['sea'] }),
  bodyStartLine: 5,
})

/** The index as the text written to search.json. */
const searchIndexJson = (entries: Parameters<typeof searchIndexBytes>[0]) =>
  new TextDecoder().decode(searchIndexBytes(entries))

describe('searchIndexBytes', () => {
  it('writes what JSON.stringify writes of the entries, quotes and all', () => {
    const a = articleInput('harbour', { title: 'The "harbour"', tags: ['sea', 'boats'] })
    const b = articleInput('meadow', { date: null, description: 'Grass\nand sky' })
    const json = searchIndexJson([
      { article: a, text: 'Boats <b> & "ropes"' },
      { article: b, text: '' },
    ])
    expect(JSON.parse(json)).toEqual([
      {
        title: 'The "harbour"',
        url: 'harbour/',
        date: '2025-01-01',
        description: '',
        tags: ['sea', 'boats'],
        text: 'Boats <b> & "ropes"',
      },
      {
        title: 'meadow',
        url: 'meadow/',
        date: '',
        description: 'Grass\nand sky',
        tags: [],
        text: '',
      },
    ])
    expect(json).toBe(JSON.stringify(JSON.parse(json)))
  })

  it('writes an empty list, and non-ASCII text as UTF-8', () => {
    expect(searchIndexJson([])).toBe('[]')
    const article = articleInput('fjord', { title: 'Fjørd — “north”' })
    const bytes = searchIndexBytes([{ article, text: 'Snø og is 🌊' }])
    const entry = {
      title: 'Fjørd — “north”',
      url: 'fjord/',
      date: '2025-01-01',
      description: '',
      tags: [],
      text: 'Snø og is 🌊',
    }
    expect(bytes.equals(Buffer.from(JSON.stringify([entry]), 'utf8'))).toBe(true)
  })

  it('shows an article changed in place since the last index, not the old entry', () => {
    const article = articleInput('lantern', { tags: ['light'] })
    searchIndexJson([{ article, text: 'same text' }])
    article.title = 'A new title'
    article.tags.push('night')
    const entry = JSON.parse(searchIndexJson([{ article, text: 'same text' }]))[0]
    expect(entry).toMatchObject({
      title: 'A new title',
      tags: ['light', 'night'],
      text: 'same text',
    })
  })
})

describe('articleFacts', () => {
  it('keeps what the build would derive from the article itself', () => {
    const article = sourceArticle('glacier', `${'glacier ice walking '.repeat(200)}\n`)
    expect(articleFacts(article)).toEqual({
      keywords: articleKeywords(article),
      readingMinutes: readingMinutes(article.body),
      bodyKey: bodyKey(article),
    })
    expect(articleFacts(article).readingMinutes).toBe(3)
  })
})
