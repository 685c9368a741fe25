/**
 * Tab and Shift-Tab in Markdown lists: nest the list items touched by the selection under the
 * item before them, or move them out to their parent's level, so the result is the CommonMark
 * list the author meant. An item moves whole: its paragraphs and sub-items keep their place under
 * its text. A nested item starts at its new parent's text (three columns under `1. `, two under
 * `- `), and a numbered item is numbered in its new list: `1.` when it starts one (a sub-list that
 * starts at 2 cannot interrupt a paragraph, so `2. sub` would be plain text), the next number
 * after a numbered sibling; the items after it are numbered again (listNumbering.ts). Only what
 * the Markdown parser reads as a list item is one: `- x` in a code block or a `* * *` rule is not.
 */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language'
import { EditorSelection, Prec } from '@codemirror/state'
import type { ChangeSpec, EditorState, Extension, Line, StateCommand } from '@codemirror/state'
import { keymap } from '@codemirror/view'
import {
  contentColumn,
  indentOf,
  itemAbove,
  itemOf,
  numberedAs,
  sameKind,
  type Item,
} from './listItems'
import { renumberFollowing } from './listNumbering'
import type { SyntaxNode } from '../syntaxNode'

/** Whether the Markdown parser reads `line`, which starts with `item`, as a list item. */
function startsListItem(state: EditorState, line: Line, item: Item): boolean {
  const tree = ensureSyntaxTree(state, line.to, 200) ?? syntaxTree(state)
  const at = line.from + item.indent
  for (let node: SyntaxNode | null = tree.resolveInner(at, 1); node; node = node.parent)
    if (node.name === 'ListItem') return node.from === at
  return false
}

/**
 * The list item lines the selection touches, top to bottom; null when it touches none, or
 * text outside the list as well (an unindented line that is no item).
 */
function touchedItems(state: EditorState): Line[] | null {
  const lines: Line[] = []
  for (const range of state.selection.ranges) {
    // A selection that ends at the start of a line leaves that line out, as indenting does.
    const end = state.doc.lineAt(range.to)
    const last =
      !range.empty && range.to === end.from && end.from > range.from ? end.number - 1 : end.number
    for (let n = state.doc.lineAt(range.from).number; n <= last; n++) {
      const line = state.doc.line(n)
      const item = itemOf(line.text)
      if (item && startsListItem(state, line, item)) {
        if (!lines.some((l) => l.number === n)) lines.push(line)
      } else if (line.text.trim() !== '' && indentOf(line.text) === 0) return null
    }
  }
  return lines.length ? lines.sort((a, b) => a.number - b.number) : null
}

/** The lines below item line `number` that belong to it: its paragraphs and sub-items. */
function bodyLines(number: number, item: Item, state: EditorState): number[] {
  const body: number[] = []
  let blanks: number[] = []
  for (let n = number + 1; n <= state.doc.lines; n++) {
    const text = state.doc.line(n).text
    if (text.trim() === '') blanks.push(n)
    else if (indentOf(text) < contentColumn(item)) break
    else {
      body.push(...blanks, n)
      blanks = []
    }
  }
  return body
}

/** `text` moved right (`by` > 0) or left by `by` columns of leading spaces. */
function shifted(text: string, by: number): string {
  if (by >= 0) return ' '.repeat(by) + text
  return text.slice(Math.min(-by, indentOf(text)))
}

/** The marker of `item` numbered as the item after `sibling` (1 when it has none). */
function renumbered(item: Item, sibling: Item | null, indent: number): string {
  if (item.number === null) return item.marker
  const next = sibling && sibling.indent === indent && sameKind(sibling, item)
  return numberedAs(item, next ? (sibling.number as number) + 1 : 1).marker
}

function shiftItems(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const lines = touchedItems(state)
    if (!lines || state.readOnly) return false
    // Lines as they read after the moves made so far (lines are moved top to bottom, so an item
    // selected with its parent follows the parent), and as they read before any.
    const moved = new Map<number, string>()
    const text = (n: number) => moved.get(n) ?? state.doc.line(n).text
    const original = (n: number) => state.doc.line(n).text
    const changes: ChangeSpec[] = []
    for (const line of lines) {
      // A selected sub-item already moved with its parent.
      if (moved.has(line.number)) continue
      const item = itemOf(line.text) as Item
      let indent: number
      if (direction === 1) {
        // Nest under the previous item of the same level; a first item has none to go under.
        const sibling = itemAbove(line.number, item.indent, text)
        if (!sibling || sibling.indent !== item.indent) continue
        indent = contentColumn(sibling)
      } else {
        // Out to where the item's own parent stood.
        if (item.indent === 0) continue
        const parent = itemAbove(line.number, item.indent - 1, original)
        indent = parent ? parent.indent : 0
      }
      const marker = renumbered(item, itemAbove(line.number, indent, text), indent)
      const head = `${' '.repeat(indent)}${marker}${item.gap}`
      const oldHead = line.text.slice(0, contentColumn(item))
      moved.set(line.number, head + line.text.slice(oldHead.length))
      // Only what differs is replaced, so the cursor in the item's text keeps its place.
      if (marker === item.marker) {
        const delta = indent - item.indent
        changes.push(
          delta > 0
            ? { from: line.from, insert: ' '.repeat(delta) }
            : { from: line.from, to: line.from - delta },
        )
      } else changes.push({ from: line.from, to: line.from + oldHead.length, insert: head })
      // Its paragraphs and sub-items stay under its text, wherever that now starts.
      const by = head.length - oldHead.length
      for (const n of bodyLines(line.number, item, state)) {
        const body = state.doc.line(n)
        const after = body.text.trim() === '' ? body.text : shifted(body.text, by)
        moved.set(n, after)
        if (after === body.text) continue
        changes.push(
          by > 0
            ? { from: body.from, insert: ' '.repeat(by) }
            : { from: body.from, to: body.from + body.text.length - after.length },
        )
      }
    }
    if (changes.length === 0) return true
    // The items after the moved ones are numbered in their lists as they now stand.
    // Each list the selection touches, once (several cursors may be in several lists).
    let walkedTo = 0
    for (const line of lines) {
      if (line.number <= walkedTo) continue
      const { changes: following, last } = renumberFollowing(
        line.number,
        state.doc.lines,
        text,
        original,
        moved,
      )
      walkedTo = last
      for (const [n, { item, marker }] of following) {
        const from = state.doc.line(n).from + item.indent
        changes.push({ from, to: from + item.marker.length, insert: marker })
      }
    }
    const changeSet = state.changes(changes)
    dispatch(
      state.update({
        changes: changeSet,
        selection: EditorSelection.create(
          state.selection.ranges.map((r) =>
            EditorSelection.range(changeSet.mapPos(r.anchor, 1), changeSet.mapPos(r.head, 1)),
          ),
          state.selection.mainIndex,
        ),
        userEvent: direction === 1 ? 'input.indent' : 'delete.dedent',
      }),
    )
    return true
  }
}

/** Nests the touched list items one level deeper; false (unhandled) outside a list. */
export const indentListItem = shiftItems(1)
/** Moves the touched list items one level out; false (unhandled) outside a list. */
export const outdentListItem = shiftItems(-1)

/** Tab / Shift-Tab bindings for list items (ahead of the default keymap). */
export function listIndentKeymap(): Extension {
  return Prec.high(keymap.of([{ key: 'Tab', run: indentListItem, shift: outdentListItem }]))
}
