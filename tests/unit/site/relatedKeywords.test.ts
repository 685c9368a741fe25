import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../bench/prng'
import { articleKeywords } from '../../../src/core/site/relatedArticles'
import { articleInput } from './articleInput'

const words = ['harbour', 'glacier', 'lantern', 'meadow', 'orchard', 'pebble', 'quarry', 'ridge']
const accented = ['école', 'ecole', 'über', 'uber', 'ñandú', 'nandu', 'Zürich', 'zurich']

/** The 20 keywords as a full sort would rank them: by count, then alphabetically. */
function sortedKeywords(text: string): string[] {
  const counts = new Map<string, number>()
  for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1)
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 20)
    .map(([word]) => word)
}

describe('articleKeywords', () => {
  it('ranks the 20 most frequent words as a full sort by count, then alphabetically, would', () => {
    const random = createRandom(7)
    for (let round = 0; round < 200; round++) {
      const pool = [
        ...words,
        ...accented,
        ...Array.from(
          { length: 30 },
          (_, i) => `word${'x'.repeat(i % 5)}${String.fromCharCode(97 + i)}`,
        ),
      ]
      const body = Array.from({ length: 80 }, () => random.pick(pool)).join(' ')
      const article = articleInput('a', { title: '', description: '', body })
      expect(articleKeywords(article)).toEqual(sortedKeywords(`  ${body}`))
    }
  })
})
