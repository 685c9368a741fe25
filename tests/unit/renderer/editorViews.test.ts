import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { EditorSelection, EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { describe, expect, it } from 'vitest'
import { paragraphAround } from '../../../src/renderer/src/editor/focusMode'
import { frontMatterSyntax } from '../../../src/renderer/src/editor/frontMatterSyntax'
import { currentSection, outlineOf } from '../../../src/renderer/src/editor/outline'
import { typewriterScrolling } from '../../../src/renderer/src/editor/typewriterScrolling'
import { stateOf } from './editorHarness'

const md = [markdown({ base: markdownLanguage, extensions: [frontMatterSyntax] })]

describe('outline', () => {
  const text = '---\ntitle: T\n---\n# One\n\ntext\n\nTwo\n---\n\n### Three ###\n'
  it('lists ATX and setext headings with levels, without the front matter', () => {
    const entries = outlineOf(EditorState.create({ doc: text, extensions: md }))
    expect(entries.map((e) => [e.level, e.text, e.line])).toEqual([
      [1, 'One', 4],
      [2, 'Two', 8],
      [3, 'Three', 11],
    ])
  })
  it("shows a heading's words without their Markdown", () => {
    const doc =
      '## Second *italic* `code` and **bold**\n\n# A [link](https://x.org "t") \\*star\\*\n'
    const entries = outlineOf(EditorState.create({ doc, extensions: md }))
    expect(entries.map((e) => e.text)).toEqual(['Second italic code and bold', 'A link *star*'])
  })
  it('follows the cursor to the section it is in', () => {
    const entries = outlineOf(EditorState.create({ doc: text, extensions: md }))
    expect(currentSection(entries, text.indexOf('text'))).toBe(0)
    expect(currentSection(entries, 0)).toBe(-1)
  })
})

describe('focus mode', () => {
  it('finds the paragraph around the cursor', () => {
    const state = stateOf('a\n\nfirst line\nsecond ^line\n\nz')
    expect(paragraphAround(state, state.selection.main.head)).toEqual({ first: 3, last: 4 })
  })
})

describe('typewriter scrolling', () => {
  it('asks to centre the cursor after typing', () => {
    const state = EditorState.create({ doc: 'abc', extensions: typewriterScrolling() })
    const tr = state.update({
      changes: { from: 3, insert: 'd' },
      selection: EditorSelection.cursor(4),
      userEvent: 'input.type',
    })
    const scrollType = (EditorView.scrollIntoView(0) as unknown as { type: unknown }).type
    expect(tr.effects.some((e) => (e as unknown as { type: unknown }).type === scrollType)).toBe(
      true,
    )
  })
  it('leaves programmatic changes alone', () => {
    const state = EditorState.create({ doc: 'abc', extensions: typewriterScrolling() })
    const tr = state.update({ changes: { from: 0, to: 3, insert: 'reloaded' } })
    expect(tr.effects.length).toBe(0)
  })
})
