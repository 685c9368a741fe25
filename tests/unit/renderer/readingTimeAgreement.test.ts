import { describe, expect, it } from 'vitest'
import { readingMinutes, wordCount } from '../../../src/core/site/render'
import { countText } from '../../../src/renderer/src/editor/wordCount'

describe('the status bar and the published page count alike', () => {
  const bodies = {
    cjk: '今日は良い天気です。'.repeat(60),
    markup:
      `## Heading\n\n- [link text](https://example.com/a/long/path) and ![alt](pic.png)\n> **bold** _it_ \`code\`\n`.repeat(
        40,
      ),
    prose: 'Plain words, some of them hyphen-ated and don’t forget 42 numbers. '.repeat(50),
  }
  for (const [name, body] of Object.entries(bodies)) {
    it(`gives the page's words and reading time for ${name}`, () => {
      const counts = countText(`---\ntitle: T\n---\n${body}`)
      expect(counts.words).toBe(wordCount(body))
      expect(counts.readingMinutes).toBe(readingMinutes(body))
    })
  }

  it('counts each CJK character as a word and markup as none', () => {
    expect(wordCount('今日は')).toBe(3)
    expect(wordCount('[two words](https://example.com/many/parts/here)')).toBe(2)
  })
})
