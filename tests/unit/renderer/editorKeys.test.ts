import { insertNewlineContinueMarkup, markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { syntaxTree } from '@codemirror/language'
import { describe, expect, it } from 'vitest'
import { frontMatterSyntax } from '../../../src/renderer/src/editor/frontMatterSyntax'
import {
  indentListItem,
  outdentListItem,
} from '../../../src/renderer/src/editor/keymaps/listIndent'
import { run, stateOf } from './editorHarness'

const md = [markdown({ base: markdownLanguage, extensions: [frontMatterSyntax] })]

describe('lists', () => {
  it('continues a bullet list on Enter', () => {
    expect(run(insertNewlineContinueMarkup, stateOf('- one^', md))).toBe('- one\n- ^')
  })
  it('continues a numbered list with the next number', () => {
    expect(run(insertNewlineContinueMarkup, stateOf('1. one^', md))).toBe('1. one\n2. ^')
  })
  it('continues a task list with an unchecked box', () => {
    expect(run(insertNewlineContinueMarkup, stateOf('- [x] done^', md))).toBe('- [x] done\n- [ ] ^')
  })
  it('nests a bullet item by its marker width on Tab', () => {
    expect(run(indentListItem, stateOf('- one\n- tw^o', md))).toBe('- one\n  - tw^o')
  })
  it('nests a numbered item by three spaces', () => {
    expect(run(indentListItem, stateOf('1. one\n2. tw^o', md))).toBe('1. one\n   2. tw^o')
  })
  it('un-nests on Shift-Tab', () => {
    expect(run(outdentListItem, stateOf('- one\n  - tw^o', md))).toBe('- one\n- tw^o')
  })
  it('leaves Tab to others outside a list', () => {
    const state = stateOf('plain ^text', md)
    expect(indentListItem({ state, dispatch: () => undefined })).toBe(false)
  })
})

describe('front matter in the editor', () => {
  const names = (text: string) => {
    const state = stateOf(text, md)
    const found: string[] = []
    syntaxTree(state).iterate({ enter: (node) => void found.push(node.name) })
    return found
  }
  it('parses a leading YAML block as front matter, not a setext heading', () => {
    const found = names('---\ntitle: Hi\ntags: [a]\n---\n\n# Body\n')
    expect(found).toContain('FrontMatter')
    expect(found).not.toContain('SetextHeading2')
    expect(found).toContain('ATXHeading1')
  })
  it('parses TOML front matter', () => {
    expect(names('+++\ntitle = "Hi"\n+++\ntext')).toContain('FrontMatter')
  })
  it('treats a later --- as a horizontal rule', () => {
    const found = names('text\n\n---\n')
    expect(found).not.toContain('FrontMatter')
    expect(found).toContain('HorizontalRule')
  })
})
