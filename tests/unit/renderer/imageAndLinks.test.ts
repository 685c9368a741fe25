import { CompletionContext } from '@codemirror/autocomplete'
import type { CompletionResult } from '@codemirror/autocomplete'
import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { articlePathField } from '../../../src/renderer/src/editor/articlePath'
import { workspaceCompletionSource } from '../../../src/renderer/src/editor/autocomplete/workspaceCompletions'
import { insertImageMarkdown } from '../../../src/renderer/src/editor/imageImport'
import { relativeLink } from '../../../src/renderer/src/editor/relativeLink'
import { searchSnippets } from '../../../src/renderer/src/state/searchSnippets'
import { marked } from './editorHarness'

describe('inserting an imported image', () => {
  it('inserts the Markdown at the cursor and selects the alt text to type over', () => {
    const state = EditorState.create({ doc: 'Intro.\n\n\nEnd.', selection: { anchor: 8 } })
    const next = state.update(insertImageMarkdown(state, '![harbour](harbour.png)', 8)).state
    expect(marked(next)).toBe('Intro.\n\n![«harbour»](harbour.png)\nEnd.')
  })

  it('puts the image on its own line when the cursor is inside a paragraph', () => {
    const state = EditorState.create({ doc: 'Before after' })
    const next = state.update(insertImageMarkdown(state, '![x](x.png)', 6)).state
    expect(next.doc.toString()).toBe('Before\n![x](x.png)\n after')
  })

  it('leaves the cursor after an image without alt text', () => {
    const state = EditorState.create({ doc: '' })
    const next = state.update(insertImageMarkdown(state, '![](a.png)', 0)).state
    expect(marked(next)).toBe('![](a.png)^')
  })
})

describe('relative links between workspace files', () => {
  it('links within the same folder, across folders and into bundles', () => {
    expect(relativeLink('posts/a.md', 'posts/b.md')).toBe('b.md')
    expect(relativeLink('posts/a.md', 'posts/coast/index.md')).toBe('coast/index.md')
    expect(relativeLink('posts/coast/index.md', 'posts/a.md')).toBe('../a.md')
    expect(relativeLink('posts/a.md', 'images/sea view.png')).toBe('../images/sea%20view.png')
  })
})

async function complete(doc: string, path: string): Promise<CompletionResult | null> {
  const state = EditorState.create({ doc, extensions: [articlePathField.init(() => path)] })
  const source = workspaceCompletionSource({
    articles: () => [
      { path: 'posts/a.md', title: 'A' },
      { path: 'posts/walks/index.md', title: 'Walks' },
    ],
    images: async () => ['posts/walks/cliff-top.png', 'images/logo.svg'],
  })
  return source(new CompletionContext(state, doc.length, true))
}

describe('workspace autocomplete', () => {
  it('offers the other articles, relative to this one, after [text](', async () => {
    const result = await complete('See [the walks](', 'posts/a.md')
    expect(result?.options.map((o) => o.label)).toEqual(['walks/index.md'])
    expect(result?.from).toBe('See [the walks]('.length)
  })

  it('offers workspace images after ![alt](', async () => {
    const result = await complete('![cliff](', 'posts/walks/index.md')
    expect(result?.options.map((o) => o.label)).toEqual(['cliff-top.png', '../../images/logo.svg'])
  })

  it('completes a whole image after ![ with alt text from the file name', async () => {
    const result = await complete('Look: ![', 'posts/a.md')
    expect(result?.options[0]).toMatchObject({
      label: 'walks/cliff-top.png',
      apply: 'cliff top](walks/cliff-top.png)',
    })
  })

  it('stays quiet in ordinary text', async () => {
    expect(await complete('Just words', 'posts/a.md')).toBeNull()
  })
})

describe('search snippets', () => {
  it('lists the matching lines with their numbers and the hits marked', () => {
    const text = '---\ntitle: Tides\n---\n\nLow tide at noon.\nNothing here.\nHigh TIDE later.\n'
    const snippets = searchSnippets(text, 'tide')
    expect(snippets.map((s) => s.line)).toEqual([2, 5, 7])
    const high = snippets[2]
    expect(high.hits.map(([from, to]) => high.text.slice(from, to))).toEqual(['TIDE'])
  })

  it('cuts long lines around the first hit', () => {
    const line = 'x'.repeat(300) + ' needle ' + 'y'.repeat(300)
    const [snippet] = searchSnippets(line, 'needle', 5, 80)
    expect(snippet.text.startsWith('…')).toBe(true)
    expect(snippet.text.endsWith('…')).toBe(true)
    const [from, to] = snippet.hits[0]
    expect(snippet.text.slice(from, to)).toBe('needle')
  })
})
