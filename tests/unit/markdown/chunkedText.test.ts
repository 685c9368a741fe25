import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../bench/prng'
import { ChunkedText } from '../../../src/core/markdown'

describe('an article held in chunks', () => {
  it('reads as the same text as a string after any edits, whole and in slices', () => {
    const rng = createRandom(5)
    let text = 'Line of the article.\n\n'.repeat(200)
    let chunked = ChunkedText.of(text, 128)
    for (let step = 0; step < 2000; step++) {
      const from = rng.int(0, text.length)
      const roll = rng.next()
      // Typing, deleting a few characters, deleting a long run, pasting a long run.
      const to = Math.min(text.length, from + (roll < 0.5 ? 0 : roll < 0.9 ? 3 : rng.int(100, 900)))
      const insert = roll < 0.5 ? 'x' : roll < 0.97 ? '' : 'pasted\n'.repeat(rng.int(1, 120))
      const before = chunked
      chunked = chunked.edit(from, to, insert)
      const was = text
      text = text.slice(0, from) + insert + text.slice(to)
      expect(chunked.length).toBe(text.length)
      const a = rng.int(0, text.length)
      const b = rng.int(a, text.length)
      expect(chunked.slice(a, b), `step ${step}`).toBe(text.slice(a, b))
      // The text before the edit is still the old one.
      expect(before.slice(0, before.length)).toBe(was)
    }
    expect(chunked.slice(0, chunked.length)).toBe(text)
    expect(chunked.toString()).toBe(text)
  })

  it('becomes empty when everything is deleted, and takes new text after that', () => {
    const chunked = ChunkedText.of('abc'.repeat(100), 16)
    const empty = chunked.edit(0, chunked.length, '')
    expect(empty.length).toBe(0)
    expect(empty.toString()).toBe('')
    expect(empty.edit(0, 0, 'new').toString()).toBe('new')
  })
})
