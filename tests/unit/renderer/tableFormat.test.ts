import { describe, expect, it } from 'vitest'
import {
  findTable,
  formatTable,
  newTableRow,
  nextTableCell,
  previousTableCell,
  splitRow,
} from '../../../src/renderer/src/editor/tableFormat'
import { run, stateOf } from './editorHarness'

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
})
