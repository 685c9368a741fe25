import { ensureSyntaxTree } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { monospaceBlockLines } from '../../../src/renderer/src/editor/monospaceBlocks'
import { markdownSupport } from '../../../src/renderer/src/editor/setup'

/** The 1-based line numbers decorated in `text`, with the class each gets. */
function decorated(text: string, range?: { from: number; to: number }): string[] {
  const state = EditorState.create({ doc: text, extensions: markdownSupport() })
  ensureSyntaxTree(state, text.length, 5000)
  const set = monospaceBlockLines(state, [range ?? { from: 0, to: text.length }])
  const lines: string[] = []
  set.between(0, text.length, (from, _to, decoration) => {
    lines.push(`${state.doc.lineAt(from).number} ${decoration.spec.class as string}`)
  })
  return lines
}

describe('monospace code block and table lines', () => {
  const text = [
    'Intro with `inline code`.', // 1
    '', // 2
    '```ts', // 3
    'const a = 1', // 4
    '```', // 5
    '', // 6
    '| Name | Qty |', // 7
    '| ---- | --- |', // 8
    '| Rope | 12  |', // 9
    '', // 10
    '- item', // 11
    '', // 12
    '      indented code in the item', // 13
    '', // 14
    'End.', // 15
  ].join('\n')

  it('marks every line of a fenced block, a table and an indented block, and nothing else', () => {
    expect(decorated(text)).toEqual([
      '3 cm-codeBlockLine',
      '4 cm-codeBlockLine',
      '5 cm-codeBlockLine',
      '7 cm-tableLine',
      '8 cm-tableLine',
      '9 cm-tableLine',
      '13 cm-codeBlockLine',
    ])
  })

  it('marks only the lines inside the visible range', () => {
    const from = text.indexOf('const')
    const to = text.indexOf('| ---')
    expect(decorated(text, { from, to })).toEqual([
      '4 cm-codeBlockLine',
      '5 cm-codeBlockLine',
      '7 cm-tableLine',
      '8 cm-tableLine',
    ])
  })
})
