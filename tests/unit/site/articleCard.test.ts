import { describe, expect, it } from 'vitest'
import { articleCard, type SiteInput } from '../../../src/core/site/render'
import { articleInput } from './articleInput'

const site = (): SiteInput => ({
  title: 'Field Notes',
  baseUrl: 'https://blog.test/',
  language: 'en',
  author: 'Ada',
  description: '',
})

describe('articleCard', () => {
  it('gives each page root its own links and the same facts, as a card made afresh would', () => {
    const article = articleInput('tides', {
      tags: ['sea', 'moon'],
      body: 'word '.repeat(500),
      date: '2025-03-04',
    })
    const shared = site()
    const fromHome = articleCard(article, shared, '')
    const fromTag = articleCard(article, shared, '../../')
    expect(fromTag).toEqual(articleCard(article, site(), '../../'))
    expect(fromTag.url).toBe('../../tides/')
    expect(fromTag.tags.map((tag) => tag.url)).toEqual(['../../tags/sea/', '../../tags/moon/'])
    expect(fromHome.url).toBe('tides/')
    expect(fromTag.readingMinutes).toBe(fromHome.readingMinutes)
    expect(articleCard(article, shared, '../../')).toBe(fromTag)
  })
})
