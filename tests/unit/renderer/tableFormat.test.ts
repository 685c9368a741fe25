import { describe, expect, it } from 'vitest'
import {
  findTable,
  formatTable,
  newTableRow,
  nextTableCell,
  previousTableCell,
  splitRow,
} from '../../../src/renderer/src/editor/tableFormat'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import type { StateCommand } from '@codemirror/state'
import { run as runOn, stateOf as plainStateOf } from './editorHarness'

/** Tables are found by the Markdown parser, as in the editor. */
const stateOf = (marked: string) => plainStateOf(marked, [markdown({ base: markdownLanguage })])
const run = (command: StateCommand, marked: string | ReturnType<typeof stateOf>) =>
  runOn(command, typeof marked === 'string' ? stateOf(marked) : marked)
/** Whether `command` declines (leaving the key to the next handler). */
const declines = (command: StateCommand, marked: string) =>
  !command({ state: stateOf(marked), dispatch: () => undefined })

describe('table formatting', () => {
  it('splits a row into cells, keeping escaped pipes', () => {
    expect(splitRow('| a | b \\| c |')).toEqual(['a', 'b \\| c'])
  })
  it('aligns every column to its widest cell', () => {
    const state = stateOf('| Name | Age |\n|-|-|\n| Alexandra | 7 |^')
    const table = findTable(state, state.selection.main.head)
    expect(table && formatTable(table)).toBe(
      '| Name      | Age |\n| --------- | --- |\n| Alexandra | 7   |',
    )
  })
  it('keeps column alignment markers', () => {
    const state = stateOf('| a | b |\n|:-|-:|\n| 1 | 2 |^')
    const table = findTable(state, state.selection.main.head)
    expect(table && formatTable(table)).toBe('| a   |   b |\n| :-- | --: |\n| 1   |   2 |')
  })
  it('is not found outside a table', () => {
    const state = stateOf('a | b^')
    expect(findTable(state, state.selection.main.head)).toBeNull()
  })
  it('Tab aligns the table and moves to the next cell', () => {
    expect(run(nextTableCell, stateOf('| a | b |\n|-|-|\n| x^ | y |'))).toBe(
      '| a   | b   |\n| --- | --- |\n| x   | ^y   |',
    )
  })
  it('Tab in the last cell adds a row', () => {
    expect(run(nextTableCell, stateOf('| a | b |\n|-|-|\n| x | y^ |'))).toBe(
      '| a   | b   |\n| --- | --- |\n| x   | y   |\n| ^    |     |',
    )
  })
  it('Shift-Tab goes back over the delimiter row to the header', () => {
    expect(run(previousTableCell, stateOf('| a | b |\n|-|-|\n| x^ | y |'))).toBe(
      '| a   | ^b   |\n| --- | --- |\n| x   | y   |',
    )
  })
  it('Enter at the end of a row opens a new row', () => {
    expect(run(newTableRow, stateOf('| a | b |\n|-|-|\n| x | y |^'))).toBe(
      '| a   | b   |\n| --- | --- |\n| x   | y   |\n| ^    |     |',
    )
  })
  it('leaves the table on Enter in the empty row at its foot, after a blank line', () => {
    expect(run(newTableRow, stateOf('| a | b |\n|-|-|\n| x | y |\n| ^ |  |'))).toBe(
      '| a   | b   |\n| --- | --- |\n| x   | y   |\n\n^',
    )
    expect(run(newTableRow, stateOf('| a | b |\n|-|-|\n| x | y |\n|  | ^ |\n\nNext.'))).toBe(
      '| a   | b   |\n| --- | --- |\n| x   | y   |\n\n^\n\nNext.',
    )
  })
  it('opens the next row on Enter in the middle of a row, never cutting it in two', () => {
    expect(run(newTableRow, stateOf('| a | b |\n|-|-|\n| x^ | y |\n| z | w |'))).toBe(
      '| a   | b   |\n| --- | --- |\n| x   | y   |\n| ^    |     |\n| z   | w   |',
    )
  })
  it('leaves pipes in a code block, front matter or plain text alone', () => {
    const inFence = '```\n| a | b |\n|-|-|\n| x | y |^\n```'
    expect(declines(newTableRow, inFence)).toBe(true)
    expect(declines(nextTableCell, inFence)).toBe(true)
    expect(declines(newTableRow, '    | a | b |\n    |-|-|\n    | x | y |^')).toBe(true)
    expect(declines(newTableRow, 'a | b^\nnot a table')).toBe(true)
  })
  it('keeps a table inside a list item indented, new rows too', () => {
    expect(run(newTableRow, '- item\n\n  | a | b |\n  |-|-|\n  | x | y |^')).toBe(
      '- item\n\n  | a   | b   |\n  | --- | --- |\n  | x   | y   |\n  | ^    |     |',
    )
    expect(run(nextTableCell, '1. item\n\n   | a | b |\n   |-|-|\n   | x | y^ |')).toBe(
      '1. item\n\n   | a   | b   |\n   | --- | --- |\n   | x   | y   |\n   | ^    |     |',
    )
  })
  it('keeps a quoted table quoted, and leaves it inside the quote', () => {
    expect(run(nextTableCell, '> | a | b |\n> |-|-|\n> | x^ | y |')).toBe(
      '> | a   | b   |\n> | --- | --- |\n> | x   | ^y   |',
    )
    expect(run(newTableRow, '> | a | b |\n> |-|-|\n> | x | y |\n> | ^ |  |')).toBe(
      '> | a   | b   |\n> | --- | --- |\n> | x   | y   |\n>\n> ^',
    )
  })
  it("keeps the header's columns: cells past them stay at the row's end, as written", () => {
    expect(run(nextTableCell, '| a | b |\n|-|-|\n| 1^ | 2 | 3 |')).toBe(
      '| a   | b   |\n| --- | --- |\n| 1   | ^2   | 3 |',
    )
  })
  it('aligns wide characters by the columns they take', () => {
    expect(run(nextTableCell, '| 名前 | b |\n|-|-|\n| x^ | y |')).toBe(
      '| 名前 | b   |\n| ---- | --- |\n| x    | ^y   |',
    )
  })
})
