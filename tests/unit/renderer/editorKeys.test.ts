import { insertNewlineContinueMarkup, markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { syntaxTree } from '@codemirror/language'
import { EditorSelection, EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { frontMatterSyntax } from '../../../src/renderer/src/editor/frontMatterSyntax'
import { continueMarkup } from '../../../src/renderer/src/editor/setup'
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
  it('moves an empty item out one level on Enter, and ends the list at the top level', () => {
    expect(run(continueMarkup, stateOf('- a\n  - b\n  - ^', md))).toBe('- a\n  - b\n- ^')
    expect(run(continueMarkup, stateOf('1. a\n   1. b\n   2. ^', md))).toBe('1. a\n   1. b\n2. ^')
    expect(run(continueMarkup, stateOf('- a\n- ^', md))).toBe('- a\n^')
  })
  it('continues a task list with an unchecked box', () => {
    expect(run(insertNewlineContinueMarkup, stateOf('- [x] done^', md))).toBe('- [x] done\n- [ ] ^')
  })
  it('nests a bullet item under the item before it on Tab', () => {
    expect(run(indentListItem, stateOf('- one\n- tw^o', md))).toBe('- one\n  - tw^o')
  })
  it("nests a numbered item at its parent's text, starting a sub-list at 1", () => {
    expect(run(indentListItem, stateOf('1. one\n2. tw^o', md))).toBe('1. one\n   1. tw^o')
    expect(run(indentListItem, stateOf('1. one\n2. ^', md))).toBe('1. one\n   1. ^')
    expect(run(indentListItem, stateOf('9. nine\n10. ten\n11. ^', md))).toBe(
      '9. nine\n10. ten\n    1. ^',
    )
    expect(run(indentListItem, stateOf('1) one\n   1) a\n2) ^', md))).toBe(
      '1) one\n   1) a\n   2) ^',
    )
  })
  it('nests a bullet under a numbered item deep enough to belong to it', () => {
    expect(run(indentListItem, stateOf('1. one\n- su^b', md))).toBe('1. one\n   - su^b')
  })
  it('nests every selected item under the item before the selection, numbered in order', () => {
    expect(run(indentListItem, stateOf('- a\n- «b\n- c»', md))).toBe('- a\n  - «b\n  - c»')
    expect(run(indentListItem, stateOf('1. a\n2. «b\n3. c»', md))).toBe('1. a\n   1. «b\n   2. c»')
  })
  it("keeps a selected item's children under it when both move", () => {
    expect(run(indentListItem, stateOf('- a\n- «b\n  - c»', md))).toBe('- a\n  - «b\n    - c»')
    expect(run(indentListItem, stateOf('1. a\n2. «b\n   1. c»', md))).toBe(
      '1. a\n   1. «b\n      1. c»',
    )
    expect(run(outdentListItem, stateOf('- a\n  - «b\n    - c»', md))).toBe('- a\n- «b\n  - c»')
  })
  it('leaves a first item where it is: there is no item to nest it under', () => {
    expect(run(indentListItem, stateOf('- on^e\n- two', md))).toBe('- on^e\n- two')
  })
  it("un-nests on Shift-Tab to the parent's level, numbered after it", () => {
    expect(run(outdentListItem, stateOf('- one\n  - tw^o', md))).toBe('- one\n- tw^o')
    expect(run(outdentListItem, stateOf('1. one\n   1. tw^o', md))).toBe('1. one\n2. tw^o')
    expect(run(outdentListItem, stateOf('- a\n  - b\n    - ^c', md))).toBe('- a\n  - b\n  - ^c')
  })
  it('renumbers the items after the moved one in the lists they now stand in', () => {
    expect(run(outdentListItem, stateOf('1. a\n   1. b\n   2. ^c\n   3. d\n2. e', md))).toBe(
      '1. a\n   1. b\n2. ^c\n   1. d\n3. e',
    )
    expect(run(indentListItem, stateOf('1. a\n2. ^b\n3. c\n4. d', md))).toBe(
      '1. a\n   1. ^b\n2. c\n3. d',
    )
    expect(run(outdentListItem, stateOf('1. a\n   1. ^b\n   2. c\n2. d', md))).toBe(
      '1. a\n2. ^b\n   1. c\n3. d',
    )
  })
  it("keeps numbers that were not in sequence: they are the author's", () => {
    expect(run(indentListItem, stateOf('1. a\n1. ^b\n1. c', md))).toBe('1. a\n   1. ^b\n1. c')
    expect(run(indentListItem, stateOf('- a\n- ^b\n\n5. five\n6. six', md))).toBe(
      '- a\n  - ^b\n\n5. five\n6. six',
    )
  })
  it('moves an item whole: its sub-items and paragraphs stay under its text', () => {
    expect(run(indentListItem, stateOf('- a\n- ^b\n  - c\n- d', md))).toBe(
      '- a\n  - ^b\n    - c\n- d',
    )
    expect(run(indentListItem, stateOf('1. a\n2. ^b\n   1. c\n   2. d\n3. e', md))).toBe(
      '1. a\n   1. ^b\n      1. c\n      2. d\n2. e',
    )
    expect(
      run(indentListItem, stateOf('1. a\n\n   para of a\n\n2. ^b\n\n   para of b\n\n3. c', md)),
    ).toBe('1. a\n\n   para of a\n\n   1. ^b\n\n      para of b\n\n2. c')
    expect(run(outdentListItem, stateOf('- a\n  - ^b\n\n    para of b\n  - c', md))).toBe(
      '- a\n- ^b\n\n  para of b\n  - c',
    )
  })
  it('keeps the text of an item whose number grows a digit under it', () => {
    expect(run(outdentListItem, stateOf('9. a\n   1. ^b\n\n      para of b\n', md))).toBe(
      '9. a\n10. ^b\n\n    para of b\n',
    )
  })
  it('takes the items of a selection that also covers their paragraphs and blank lines', () => {
    expect(run(indentListItem, stateOf('1. a\n2. «b\n   cont\n\n3. c»', md))).toBe(
      '1. a\n   1. «b\n      cont\n\n   2. c»',
    )
  })
  it('keeps zero-padded numbers padded', () => {
    expect(run(indentListItem, stateOf('01. a\n02. ^b\n03. c', md))).toBe(
      '01. a\n    01. ^b\n02. c',
    )
  })
  it('renumbers every list that has a cursor in it', () => {
    const multi = [md, EditorState.allowMultipleSelections.of(true)]
    const state = stateOf('1. a\n2. b\n3. x\n\npara\n\n1. c\n2. d\n3. e', multi)
    const cursors = state.update({
      selection: EditorSelection.create([EditorSelection.cursor(8), EditorSelection.cursor(31)]),
    }).state
    expect(run(indentListItem, cursors)).toBe('1. a\n   1. ^b\n2. x\n\npara\n\n1. c\n   1. d\n2. e')
  })
  it('numbers a nested item after a sibling of its own kind only', () => {
    expect(run(indentListItem, stateOf('1. a\n   1) x\n2. ^b', md))).toBe('1. a\n   1) x\n   1. ^b')
  })
  it('leaves out the line a selection ends at the start of', () => {
    expect(run(indentListItem, stateOf('- a\n- «b\n»- c', md))).toBe('- a\n  - «b\n»- c')
  })
  it('leaves list markers in code blocks and rules alone', () => {
    const declines = (marked: string) =>
      !indentListItem({ state: stateOf(marked, md), dispatch: () => undefined })
    expect(declines('```\n1. a\n2. ^b\n```')).toBe(true)
    expect(declines('```md\n- x\n- ^y\n```')).toBe(true)
    expect(declines('- a\n\n* * ^*')).toBe(true)
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
