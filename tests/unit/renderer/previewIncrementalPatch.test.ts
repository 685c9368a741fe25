import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../bench/prng'
import {
  ChunkedText,
  createIncrementalRenderer,
  type RenderedBlock,
} from '../../../src/core/markdown'
import {
  applyBodyPatch,
  blockHtml,
  diffBody,
  patchOfChange,
  type BodyBlock,
  type BlockRef,
} from '../../../src/renderer/src/preview/bodyPatch'
import type { TextEdit } from '../../../src/renderer/src/preview/textEdit'

function article(paragraphs: number): string {
  const parts = ['---', 'title: Long', '---', '']
  for (let i = 0; i < paragraphs; i++) {
    if (i % 7 === 0) parts.push(`## Section ${i}`, '')
    else if (i % 11 === 0) parts.push('```js', `const n = ${i}`, '', 'more()', '```', '')
    else parts.push(`Paragraph ${i} has some words in it.`, '')
  }
  return parts.join('\n')
}

const bodyOf = (blocks: readonly BodyBlock[]): string => blocks.map(blockHtml).join('\n')

describe('the worker patch from the renderer change', () => {
  it('keeps the body the UI thread shows equal to the render over many edits', () => {
    const rng = createRandom(42)
    const renderer = createIncrementalRenderer({ sourceLines: true })
    // As the worker holds it: in chunks (small ones here, so edits cross them).
    let text = ChunkedText.of(article(200), 1024)
    const first = renderer.render(text)
    let shown: BodyBlock[] = applyBodyPatch(
      [],
      diffBody([], first.parts, (i) => first.parts[i].html),
    )
    let sent: readonly BlockRef[] = first.parts
    let fromChange = 0
    const snippets = ['x', '\n', '\n\n', '```', '## ', 'word ', '']
    for (let step = 0; step < 300; step++) {
      const from = rng.int(0, text.length)
      const to = Math.min(text.length, from + (rng.chance(0.3) ? rng.int(1, 40) : 0))
      const edit: TextEdit = { from, to, insert: rng.pick(snippets) }
      text = text.edit(from, to, edit.insert)
      const result = renderer.render(text, edit)
      const parts: readonly RenderedBlock[] = result.parts
      const html = (i: number): string => parts[i].html
      const change = result.change
      const patch =
        change && change.from === sent
          ? patchOfChange(sent, parts, change, html)
          : diffBody(sent, parts, html)
      if (change && change.from === sent) fromChange++
      shown = applyBodyPatch(shown, patch)
      sent = parts
      expect(bodyOf(shown), `step ${step}`).toBe(result.html)
    }
    // Most keystrokes are patched from the change, without a diff of every block.
    expect(fromChange).toBeGreaterThan(200)
  })

  it('sends only the block a keystroke changed, and no HTML for the blocks that moved', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const text = article(300)
    const first = renderer.render(text)
    const at = text.indexOf('Paragraph 150')
    const edit = { from: at, to: at, insert: 'New line\n\n' }
    const result = renderer.render(ChunkedText.of(text).edit(at, at, edit.insert), edit)
    expect(result.rendered).toBe(1)
    expect(result.change?.from).toBe(first.parts)
    const patch = patchOfChange(
      first.parts,
      result.parts,
      result.change!,
      (i) => result.parts[i].html,
    )
    expect(patch.inserted.filter((block) => block.html !== undefined)).toHaveLength(1)
    expect(patch.removed).toBeLessThanOrEqual(1)
    expect(patch.shift).toBe(2)
  })
})
