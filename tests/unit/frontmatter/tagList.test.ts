import { describe, expect, it } from 'vitest'
import { tagList } from '../../../src/core/frontmatter'

describe('tagList', () => {
  it('reads a written list', () => {
    expect(tagList(['walking', 'travel'])).toEqual(['walking', 'travel'])
  })

  it('reads a comma-separated string, trimming and dropping empty items', () => {
    expect(tagList(' walking, travel ,, ')).toEqual(['walking', 'travel'])
  })

  it('keeps numbers and booleans as text and drops empty or structured items', () => {
    expect(tagList([2025, true, '', null, { a: 1 }])).toEqual(['2025', 'true'])
  })

  it('gives nothing for a missing or scalar field', () => {
    expect(tagList(undefined)).toEqual([])
    expect(tagList(7)).toEqual([])
  })
})
