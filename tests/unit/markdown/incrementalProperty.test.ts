import { describe, expect, it } from 'vitest'
import { createRandom, type Random } from '../../../bench/prng'
import {
  ChunkedText,
  createIncrementalRenderer,
  renderMarkdown,
  splitBlocks,
} from '../../../src/core/markdown'
import { splitText, updateSplit, type BlockSplit } from '../../../src/core/markdown/blockSplit'
import { blankFrontMatter } from '../../../src/core/markdown/frontMatterRegion'
import { editBetween, type MarkdownEdit } from '../../../src/core/markdown/markdownEdit'

/** Pieces of Markdown whose context reaches past a blank line, and plain ones around them. */
const pieces = [
  '# Heading',
  '## Heading',
  'A paragraph with a [reference][ref] and a [link](https://example.com).',
  'Another paragraph, with *emphasis* and `code`.',
  '- one\n- two',
  '- item\n\n  continued item',
  '1. first\n2. second',
  '```js\nconst a = [1]\n\nconst b = 2\n```',
  '~~~~\ntilde code\n\n~~~~',
  '$$\nx^2\n\n+ y\n$$',
  '> quoted\n> more',
  '> [!NOTE]\n> An alert.',
  '> [!WARNING]\n> Careful.\n>\n> - with a list',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '<!-- a comment\n\nthat spans a blank line -->',
  '<div>\nraw <b>html</b>\n</div>',
  '    indented code\n\n    still code',
  '- list with code\n\n  ```\n  inside\n\n  still inside\n  ```',
  '[ref]: https://example.com/ref',
  '[other]: https://example.com/other "Title"',
  'Footnote call[^1] here.',
  '![pic](pic.png)',
]

/** What an author might type or delete: markers that change the blocks around them. */
const snippets = [
  '\n',
  '\n\n',
  '```',
  '```\n',
  '\n```\n',
  '~~~',
  '$$',
  '\n$$\n',
  '- ',
  '1. ',
  '  ',
  '    ',
  '> ',
  '> [!TIP]\n',
  '# ',
  '---\n',
  '+++\n',
  '<!--',
  '-->',
  '<div>',
  '\n\n[ref]: /r\n',
  '[ref]',
  '[^1]: note\n',
  'x',
  'word ',
]

function article(rng: Random): string {
  const parts: string[] = []
  if (rng.chance(0.5)) parts.push('---\ntitle: Test\n---')
  const count = rng.int(6, 18)
  for (let i = 0; i < count; i++) parts.push(rng.pick(pieces))
  return parts.join(rng.chance(0.8) ? '\n\n' : '\n\n\n') + '\n'
}

function randomEdit(rng: Random, text: string): MarkdownEdit {
  const from = rng.int(0, text.length)
  const roll = rng.next()
  if (roll < 0.45) return { from, to: from, insert: rng.pick(snippets) }
  const to = Math.min(text.length, from + (roll < 0.8 ? rng.int(1, 4) : rng.int(5, 120)))
  return { from, to, insert: roll < 0.65 ? '' : rng.pick(snippets) }
}

/**
 * HTML with runs of line breaks made single: a whole render leaves an extra one where a block
 * rendered to nothing (a sanitized comment), which the page does not show.
 */
const betweenBlocks = (html: string): string =>
  html.replace(/\n{2,}/g, '\n').replace(/^\n+|\n+$/g, '')

const apply = (text: string, edit: MarkdownEdit): string =>
  text.slice(0, edit.from) + edit.insert + text.slice(edit.to)

describe('incremental split and render under random edits', () => {
  it('splits exactly as splitBlocks after every edit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRandom(seed)
      let text = article(rng)
      let split: BlockSplit = splitText(text)
      for (let step = 0; step < 150; step++) {
        const edit = randomEdit(rng, text)
        text = apply(text, edit)
        split = updateSplit(split, edit, text).split
        const context = `seed ${seed}, step ${step}`
        expect(split.blocks, context).toEqual(splitBlocks(text))
        expect(split.blocks.map((block) => block.text).join('\n'), context).toBe(text)
        expect(split.offsets, context).toEqual(splitText(text).offsets)
        expect(split.openAt, context).toBe(splitText(text).openAt)
      }
    }
  })

  it('splits the same from a text held in chunks, as the preview worker holds it', () => {
    for (let seed = 41; seed <= 60; seed++) {
      const rng = createRandom(seed)
      let text = article(rng)
      let chunked = ChunkedText.of(text, 64)
      let split: BlockSplit = splitText(chunked)
      for (let step = 0; step < 150; step++) {
        const edit = randomEdit(rng, text)
        text = apply(text, edit)
        chunked = chunked.edit(edit.from, edit.to, edit.insert)
        split = updateSplit(split, edit, chunked).split
        const context = `seed ${seed}, step ${step}`
        expect(split.blocks, context).toEqual(splitBlocks(text))
        expect(split.offsets, context).toEqual(splitText(text).offsets)
        expect(split.openAt, context).toBe(splitText(text).openAt)
      }
    }
  })

  it('renders the same HTML, headings and images as a full render after every edit', () => {
    const options = { sourceLines: true }
    for (let seed = 101; seed <= 112; seed++) {
      const rng = createRandom(seed)
      let text = article(rng)
      const renderer = createIncrementalRenderer(options)
      renderer.render(text)
      for (let step = 0; step < 60; step++) {
        const edit = randomEdit(rng, text)
        text = apply(text, edit)
        // Every other edit is passed on; the rest the renderer finds itself.
        const result = step % 2 === 0 ? renderer.render(text, edit) : renderer.render(text)
        const expected = renderMarkdown(blankFrontMatter(text), options)
        const context = `seed ${seed}, step ${step}: ${JSON.stringify(text)}`
        expect(betweenBlocks(result.html), context).toBe(betweenBlocks(expected.html))
        expect(result.headings, context).toEqual(expected.headings)
        expect(result.images, context).toEqual(expected.images)
      }
    }
  })

  it('finds the one edit between two texts, however long their shared runs', () => {
    const rng = createRandom(7)
    let text = article(rng).repeat(40)
    for (let step = 0; step < 300; step++) {
      const edit = randomEdit(rng, text)
      const next = apply(text, edit)
      const found = editBetween(text, next)
      if (next === text) expect(found).toBeNull()
      else {
        expect(found).not.toBeNull()
        expect(apply(text, found!)).toBe(next)
        expect(found!.to - found!.from).toBeLessThanOrEqual(edit.to - edit.from)
      }
      text = next
    }
  })
})
