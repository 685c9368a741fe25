import { SearchQuery } from '@codemirror/search'
import { describe, expect, it } from 'vitest'
import { countMatches, matchCountText } from '../../../src/renderer/src/editor/searchCount'
import { stateOf } from './editorHarness'

const query = (
  search: string,
  options: Partial<ConstructorParameters<typeof SearchQuery>[0]> = {},
) => new SearchQuery({ search, ...options })

describe('the find panel match count', () => {
  it('counts every match, case-insensitive by default', () => {
    expect(matchCountText(stateOf('Rope is rope. Rope!^'), query('rope'))).toBe('3 matches')
    expect(matchCountText(stateOf('Rope is rope.^'), query('rope', { caseSensitive: true }))).toBe(
      '1 match',
    )
  })
  it('tells which match the selection is', () => {
    expect(matchCountText(stateOf('Rope is «rope». Rope!'), query('rope'))).toBe('2 of 3')
  })
  it('says when nothing matches, and nothing for an empty query', () => {
    expect(matchCountText(stateOf('Rope^'), query('cord'))).toBe('No matches')
    expect(matchCountText(stateOf('Rope^'), query(''))).toBe('')
  })
  it('honours whole words and regular expressions', () => {
    expect(matchCountText(stateOf('rope ropes rope^'), query('rope', { wholeWord: true }))).toBe(
      '2 matches',
    )
    expect(matchCountText(stateOf('a1 b22 c333^'), query('\\d+', { regexp: true }))).toBe(
      '3 matches',
    )
  })
  it('says why a regular expression cannot be used', () => {
    expect(matchCountText(stateOf('x^'), query('(unclosed', { regexp: true }))).toBe(
      'Invalid regex',
    )
  })
  it('stops counting at the limit and says there are more', () => {
    const state = stateOf('a '.repeat(50) + '^')
    expect(countMatches(state, query('a'), 10)).toEqual({ total: 10, current: null, more: true })
    expect(countMatches(state, query('a'), 50)).toEqual({ total: 50, current: null, more: false })
  })
})
