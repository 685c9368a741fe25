import { Text } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { ChunkedText, createIncrementalRenderer, renderMarkdown } from '../../../src/core/markdown'
import { blankFrontMatter } from '../../../src/core/markdown/frontMatterRegion'
import { wordCount } from '../../../src/core/site/render'
import {
  applyBodyPatch,
  blockHtml,
  diffBody,
  type BodyBlock,
} from '../../../src/renderer/src/preview/bodyPatch'
import { BodyWordCount } from '../../../src/renderer/src/preview/bodyWords'
import { frontMatterHeadOf } from '../../../src/renderer/src/preview/previewShell'
import { findFrontMatter, isFrontMatterBlock } from '../../../src/core/frontmatter'
import { textEdit } from '../../../src/renderer/src/preview/textEdit'

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function article(paragraphs: number): string {
  const parts = ['---', 'title: Long', '---', '']
  for (let i = 0; i < paragraphs; i++) {
    parts.push(i % 7 === 0 ? `## Section ${i}` : `Paragraph ${i} has some words in it.`, '')
  }
  return parts.join('\n')
}

/** The body the page shows after every patch, as the UI thread keeps it. */
function bodyOf(blocks: readonly BodyBlock[]): string {
  return blocks.map(blockHtml).join('\n')
}

describe('text edits sent to the render worker', () => {
  it('finds the one range a keystroke changed in a long article', () => {
    const before = Text.of(article(3000).split('\n'))
    const at = Math.floor(before.length / 2)
    const after = before.replace(at, at, Text.of(['x']))
    expect(textEdit(before, after)).toEqual({ from: at, to: at, insert: 'x' })
  })

  it('rebuilds the new text from the old one for any edit, including rebalanced trees', () => {
    const next = random(7)
    let doc = Text.of(article(400).split('\n'))
    // The worker keeps the text in chunks; small ones here, so edits cross them.
    let text = ChunkedText.of(doc.toString(), 512)
    for (let i = 0; i < 300; i++) {
      const from = Math.floor(next() * doc.length)
      const to = Math.min(doc.length, from + Math.floor(next() * (i % 10 === 0 ? 5000 : 8)))
      const insert = i % 13 === 0 ? 'new\n\nlines\n'.repeat(1 + (i % 40)) : 'ab'.slice(0, i % 3)
      const after = doc.replace(from, to, Text.of(insert.split('\n')))
      const edit = textEdit(doc, after)
      if (edit) text = text.edit(edit.from, edit.to, edit.insert)
      expect(text.slice(0, text.length)).toBe(after.toString())
      doc = after
    }
  })

  it('reports no edit between equal texts', () => {
    const doc = Text.of(['a', 'b'])
    expect(textEdit(doc, doc)).toBeNull()
    expect(textEdit(doc, Text.of(['a', 'b']))).toBeNull()
  })
})

describe('block patches of the preview body', () => {
  it('sends only the changed block, with its HTML, when a paragraph is edited', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const text = article(50)
    const first = renderer.render(text)
    const blocks = applyBodyPatch(
      [],
      diffBody([], first.parts, (i) => first.parts[i].html),
    )
    const edited = text.replace('Paragraph 20 has', 'Paragraph 20 now has')
    const second = renderer.render(edited)
    const patch = diffBody(first.parts, second.parts, (i) => second.parts[i].html)
    expect(patch.removed).toBe(1)
    expect(patch.inserted).toHaveLength(1)
    expect(patch.inserted[0].html).toContain('Paragraph 20 now has')
    expect(patch.shift).toBe(0)
    expect(bodyOf(applyBodyPatch(blocks, patch))).toBe(second.html)
  })

  it('renumbers the blocks below a new line without sending their HTML again', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const text = article(50)
    const first = renderer.render(text)
    const blocks = applyBodyPatch(
      [],
      diffBody([], first.parts, (i) => first.parts[i].html),
    )
    const edited = text.replace('Paragraph 20 has', 'Paragraph 20\nhas')
    const second = renderer.render(edited)
    const patch = diffBody(first.parts, second.parts, (i) => second.parts[i].html)
    expect(patch.inserted).toHaveLength(1)
    expect(patch.shift).toBe(1)
    const after = applyBodyPatch(blocks, patch)
    expect(bodyOf(after)).toBe(second.html)
    expect(second.html.replace(/\n/g, '')).toBe(
      renderMarkdown(blankFrontMatter(edited), { sourceLines: true }).html.replace(/\n/g, ''),
    )
  })

  it('reuses a block the UI thread already has when it moves (no HTML sent)', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const text = 'Alpha one.\n\nBeta two.\n\nGamma three.\n'
    const first = renderer.render(text)
    const blocks = applyBodyPatch(
      [],
      diffBody([], first.parts, (i) => first.parts[i].html),
    )
    const moved = 'Gamma three.\n\nAlpha one.\n\nBeta two.\n'
    const second = renderer.render(moved)
    const patch = diffBody(first.parts, second.parts, (i) => second.parts[i].html)
    expect(patch.inserted.every((block) => block.html === undefined)).toBe(true)
    expect(bodyOf(applyBodyPatch(blocks, patch))).toBe(second.html)
  })

  it('stays equal to the whole body over a long run of random edits', () => {
    const next = random(11)
    const renderer = createIncrementalRenderer({ sourceLines: true })
    let text = article(60)
    let sent = renderer.render(text).parts
    let blocks = applyBodyPatch(
      [],
      diffBody([], sent, (i) => sent[i].html),
    )
    const pieces = ['x', '\n\n', '## Heading\n\n', '- item\n', '`code`', '\n']
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(next() * text.length)
      const cut = next() < 0.2 ? Math.floor(next() * 60) : 0
      text = text.slice(0, at) + pieces[i % pieces.length] + text.slice(at + cut)
      const rendered = renderer.render(text)
      const parts = rendered.parts
      blocks = applyBodyPatch(
        blocks,
        diffBody(sent, parts, (j) => parts[j].html),
      )
      sent = parts
      expect(bodyOf(blocks)).toBe(rendered.html)
    }
  })

  it('refuses a patch that names a block the UI thread never got', () => {
    expect(() =>
      applyBodyPatch([], { start: 0, removed: 0, inserted: [{ id: 'b1', line: 1 }], shift: 0 }),
    ).toThrow(/lost track/)
  })
})

describe('body word count kept from edits', () => {
  it('equals a full count after each of many edits, in and out of the front matter', () => {
    const next = random(3)
    let text = ChunkedText.of(article(80), 256)
    const counter = new BodyWordCount()
    counter.reset(text)
    const inserts = ['word ', ' two words', '\n', '\n\nnew paragraph here\n', '', 'x-y z']
    for (let i = 0; i < 200; i++) {
      const from = i % 25 === 0 ? 5 : Math.floor(next() * text.length)
      const to = Math.min(text.length, from + Math.floor(next() * 12))
      const edit = { from, to, insert: inserts[i % inserts.length] }
      const after = text.edit(edit.from, edit.to, edit.insert)
      const counted = counter.update(text, after, edit)
      const whole = after.slice(0, after.length)
      const head = frontMatterHeadOf(whole).length
      expect(counted).toBe(wordCount(whole.slice(head)))
      text = after
    }
  })

  it('notices front matter that a closing fence typed further down creates', () => {
    const counter = new BodyWordCount()
    const before = '---\ntitle: Draft words\nBody words here\n'
    expect(counter.reset(before)).toBe(wordCount(before))
    const edit = { from: before.indexOf('Body'), to: before.indexOf('Body'), insert: '---\n' }
    const after = before.slice(0, edit.from) + edit.insert + before.slice(edit.to)
    expect(counter.update(before, after, edit)).toBe(3)
  })
})

describe('the front matter read from the start of a chunked text', () => {
  it('is the block the build finds in the whole text, wherever the block ends', () => {
    const texts: string[] = ['no front matter\n', '---\nunclosed: yes\n', '', '---', '{', '{"a": 1']
    texts.push(
      '\uFEFF---\ntitle: BOM\n---\nbody',
      '{\n  "title": "JSON }"\n}\nbody',
      '---\na: 1\n...\nb',
    )
    // Blocks closing on either side of the first 4,096 characters read, with closing-like lines
    // ("----", "--- x") that only count when whole.
    for (let pad = 4070; pad <= 4110; pad++) {
      const filler = `title: ${'x'.repeat(pad - 16)}\n`
      texts.push(`---\n${filler}---\nbody\n`)
      texts.push(`---\n${filler}----\nmore: 1\n---\nbody`)
      texts.push(`+++\n${filler}--- x\n+++`)
      texts.push(`{\n  "title": "${'x'.repeat(pad - 16)}"\n}\nbody`)
    }
    texts.push(`---\n${'key: value\n'.repeat(3000)}---\nbody`)
    for (const text of texts) {
      const found = findFrontMatter(text)
      const expected = isFrontMatterBlock(found) ? text.slice(0, found.bodyStart) : ''
      expect(frontMatterHeadOf(ChunkedText.of(text, 100))).toBe(expected)
      expect(frontMatterHeadOf(text)).toBe(expected)
    }
  })
})
