import { describe, expect, it } from 'vitest'
import {
  insertCodeBlock,
  insertHorizontalRule,
  insertImage,
  insertLink,
  insertTable,
} from '../../../src/renderer/src/editor/commands/insertBlock'
import {
  setHeading,
  toggleBulletList,
  toggleOrderedList,
  toggleQuote,
  toggleTaskList,
} from '../../../src/renderer/src/editor/commands/lineFormat'
import {
  toggleBold,
  toggleInlineCode,
  toggleItalic,
  toggleStrikethrough,
} from '../../../src/renderer/src/editor/commands/toggleInlineMarker'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { run, stateOf } from './editorHarness'

describe('inline formatting', () => {
  it('wraps the selection in bold and keeps the words selected', () => {
    expect(run(toggleBold, stateOf('say «hello» now'))).toBe('say **«hello»** now')
  })
  it('unwraps bold when the markers surround the selection', () => {
    expect(run(toggleBold, stateOf('say **«hello»** now'))).toBe('say «hello» now')
  })
  it('unwraps bold when the selection includes the markers', () => {
    expect(run(toggleBold, stateOf('say «**hello**» now'))).toBe('say «hello» now')
  })
  it('unwraps the bold span the selection is in, however little of it is selected', () => {
    const md = [markdown({ base: markdownLanguage })]
    expect(run(toggleBold, stateOf('**bold «text»** now', md))).toBe('bold «text» now')
    expect(run(toggleItalic, stateOf('an *itali^c* word', md))).toBe('an itali^c word')
    expect(run(toggleInlineCode, stateOf('run `npm «test»`', md))).toBe('run npm «test»')
    // Italic inside bold is wrapped in italic, not taken for the bold's markers.
    expect(run(toggleItalic, stateOf('**bold «text»**', md))).toBe('**bold *«text»***')
  })
  it('inserts an empty pair with the cursor inside for an empty selection', () => {
    expect(run(toggleItalic, stateOf('a ^b'))).toBe('a *^*b')
  })
  it('wraps strikethrough and inline code', () => {
    expect(run(toggleStrikethrough, stateOf('«old»'))).toBe('~~«old»~~')
    expect(run(toggleInlineCode, stateOf('run «npm test»'))).toBe('run `«npm test»`')
  })
})

describe('line formatting', () => {
  it('makes a paragraph a level-2 heading and back', () => {
    expect(run(setHeading(2), stateOf('Intro^duction'))).toBe('## Intro^duction')
    expect(run(setHeading(2), stateOf('## Intro^duction'))).toBe('Intro^duction')
  })
  it('switches heading level instead of stacking hashes', () => {
    expect(run(setHeading(1), stateOf('### Ti^tle'))).toBe('# Ti^tle')
  })
  it('quotes every selected line', () => {
    expect(run(toggleQuote, stateOf('«one\ntwo»'))).toBe('> «one\n> two»')
  })
  it('numbers the selected lines in order', () => {
    expect(run(toggleOrderedList, stateOf('«a\nb\nc»'))).toBe('1. «a\n2. b\n3. c»')
  })
  it('turns a bullet list into a task list and removes bullets on a second toggle', () => {
    expect(run(toggleTaskList, stateOf('- it^em'))).toBe('- [ ] it^em')
    expect(run(toggleBulletList, stateOf('- it^em'))).toBe('it^em')
  })
})

describe('inserted constructs', () => {
  it('makes the selection a link and selects the url placeholder', () => {
    expect(run(insertLink, stateOf('see «the docs»'))).toBe('see [the docs](«url»)')
  })
  it('uses a selected URL as the link target', () => {
    expect(run(insertLink, stateOf('«https://example.com»'))).toBe('[^](https://example.com)')
  })
  it('inserts an image with the selection as alt text', () => {
    expect(run(insertImage, stateOf('«A cat»'))).toBe('![A cat](«image.png»)')
  })
  it('puts a table after the current paragraph with the first header selected', () => {
    expect(run(insertTable, stateOf('Intro^'))).toBe(
      'Intro\n\n| «Column» | Column |\n| ------ | ------ |\n|        |        |',
    )
  })
  it('fills an empty line with a code block, cursor on the language', () => {
    expect(run(insertCodeBlock, stateOf('^'))).toBe('```^\n\n```')
  })
  it('fences the selected lines as a code block', () => {
    expect(run(insertCodeBlock, stateOf('«a = 1\nb = 2»'))).toBe('```^\na = 1\nb = 2\n```')
  })
  it('fences a selected line, and a selection within a line as a block of its own', () => {
    expect(run(insertCodeBlock, stateOf('«two words»'))).toBe('```^\ntwo words\n```')
    expect(run(insertCodeBlock, stateOf('Run «npm test» to check.'))).toBe(
      'Run\n\n```^\nnpm test\n```\n\nto check.',
    )
  })
  it('inserts a horizontal rule as its own paragraph between two paragraphs', () => {
    expect(run(insertHorizontalRule, stateOf('one\n^\ntwo'))).toBe('one\n\n---^\n\ntwo')
  })
})
