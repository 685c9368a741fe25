import { describe, expect, it } from 'vitest'
import { generateArticle } from '../../../bench/generate'
import { parseFrontMatter } from '../../../src/core/frontmatter'

describe('the benchmark content generator', () => {
  it('gives the same article for the same seed, and another for another seed', () => {
    const a = generateArticle(42, { words: 300 })
    expect(generateArticle(42, { words: 300 })).toEqual(a)
    expect(generateArticle(43, { words: 300 })).not.toEqual(a)
  })

  it('writes valid front matter and about the asked number of words', () => {
    const article = generateArticle(7, { words: 2000 })
    const text = article.markdown
    const parsed = parseFrontMatter(text)
    expect(parsed.error).toBeUndefined()
    expect(parsed.data.title).toBeTruthy()
    const words = parsed.body.split(/\s+/).filter(Boolean).length
    expect(words).toBeGreaterThan(1600)
    expect(words).toBeLessThan(2600)
  })
})
