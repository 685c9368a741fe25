/**
 * Tab and Shift-Tab in Markdown lists: nest the list items touched by the selection under the
 * item before them, or move them out to their parent's level, so the result is the CommonMark
 * list the author meant. A nested item starts at its new parent's text (three columns under
 * `1. `, two under `- `), and a numbered item is numbered in its new list: `1.` when it starts
 * one (a sub-list that starts at 2 cannot interrupt a paragraph, so `2. sub` would be plain
 * text), the next number after a numbered sibling.
 */
import { EditorSelection, Prec } from '@codemirror/state'
import type { ChangeSpec, EditorState, Extension, Line, StateCommand } from '@codemirror/state'
import { keymap } from '@codemirror/view'

const listItem = /^(\s*)([-*+]|(\d+)([.)]))(\s+)/

/** A list item line: its indent, marker (number and delimiter when numbered) and gap. */
interface Item {
  indent: number
  marker: string
  number: number | null
  delimiter: string
  gap: string
}

function itemOf(text: string): Item | null {
  const match = listItem.exec(text)
  if (!match) return null
  const [, indent, marker, number, delimiter, gap] = match
  return {
    indent: indent.length,
    marker,
    number: number === undefined ? null : Number(number),
    delimiter: delimiter ?? '',
    gap,
  }
}

/** The column where the item's text starts: where its children's markers go. */
const contentColumn = (item: Item): number => item.indent + item.marker.length + item.gap.length

function touchedLines(state: EditorState): Line[] | null {
  const lines: Line[] = []
  for (const range of state.selection.ranges) {
    const last = state.doc.lineAt(range.to).number
    for (let n = state.doc.lineAt(range.from).number; n <= last; n++) {
      const line = state.doc.line(n)
      if (!listItem.test(line.text)) return null
      if (!lines.some((l) => l.number === n)) lines.push(line)
    }
  }
  return lines.sort((a, b) => a.number - b.number)
}

/**
 * The nearest item above line `number` with an indent up to `column`, as `text(n)` reads lines;
 * null when the list ends first (a line that is neither an item, blank, nor indented).
 */
function itemAbove(number: number, column: number, text: (n: number) => string): Item | null {
  for (let n = number - 1; n >= 1; n--) {
    const line = text(n)
    const item = itemOf(line)
    if (item) {
      if (item.indent <= column) return item
    } else if (line.trim() !== '' && !/^\s/.test(line)) return null
  }
  return null
}

/** Whether two items can belong to one list: the same bullet, or numbers with the same delimiter. */
const sameKind = (a: Item, b: Item): boolean =>
  a.number === null ? a.marker === b.marker : b.number !== null && a.delimiter === b.delimiter

/**
 * Reads a list line by line from its top, keeping the open lists (one per depth): for each item
 * line, the item before it in its own list, or null when the item starts a list.
 */
class ListWalk {
  private readonly open: Item[] = []

  /** The item on `text` and the one before it in its list; null for a line that is no item. */
  step(text: string): { item: Item; previous: Item | null } | null {
    const item = itemOf(text)
    if (!item) {
      // A paragraph of an item closes the lists nested deeper than its text.
      const indent = text.length - text.trimStart().length
      if (text.trim() !== '')
        while (this.open.length && contentColumn(this.open[this.open.length - 1]) > indent)
          this.open.pop()
      return null
    }
    while (this.open.length && this.open[this.open.length - 1].indent > item.indent) this.open.pop()
    const top = this.open[this.open.length - 1]
    const previous = top && top.indent === item.indent && sameKind(top, item) ? top : null
    if (top && top.indent === item.indent) this.open.pop()
    this.open.push(item)
    return { item, previous }
  }

  /** Puts `item` in place of the last item read (it was renumbered). */
  replaceLast(item: Item): void {
    this.open[this.open.length - 1] = item
  }
}

/** The first and last line of the list around line `number`, as `text(n)` reads lines. */
function listLines(number: number, lines: number, text: (n: number) => string): [number, number] {
  const inList = (line: string) => itemOf(line) !== null || line.trim() === '' || /^\s/.test(line)
  let first = number
  while (first > 1 && inList(text(first - 1))) first--
  let last = number
  while (last < lines && inList(text(last + 1))) last++
  return [first, last]
}

/**
 * The numbers to change below `from` once items have moved (`text` reads the moved lines): an
 * item that now starts a list is numbered 1, and one that followed its sibling's number follows
 * the number of the sibling it has now. Numbers that were not in sequence (`1.` on every item)
 * are the author's and stay. Moved lines themselves are already numbered, and left as they are.
 */
function renumberFollowing(
  from: number,
  lines: number,
  text: (n: number) => string,
  original: (n: number) => string,
  moved: Map<number, string>,
): Map<number, { item: Item; marker: string }> {
  const [first, last] = listLines(from, lines, text)
  const before = new Map<number, Item | null>()
  const originalWalk = new ListWalk()
  for (let n = first; n <= last; n++) {
    const read = originalWalk.step(original(n))
    if (read) before.set(n, read.previous)
  }
  const changes = new Map<number, { item: Item; marker: string }>()
  const walk = new ListWalk()
  for (let n = first; n <= last; n++) {
    const read = walk.step(text(n))
    if (!read || n < from || moved.has(n) || read.item.number === null) continue
    const { item, previous } = read
    const was = before.get(n) ?? null
    let number = item.number as number
    if (!previous) {
      if (was) number = 1
    } else if (previous.number !== null && (!was || item.number === (was.number ?? 0) + 1))
      number = previous.number + 1
    if (number === item.number) continue
    const renumbered = { ...item, number, marker: `${number}${item.delimiter}` }
    walk.replaceLast(renumbered)
    changes.set(n, { item, marker: renumbered.marker })
  }
  return changes
}

/** The marker of `item` numbered as the item after `sibling` (1 when it has none). */
function renumbered(item: Item, sibling: Item | null, indent: number): string {
  if (item.number === null) return item.marker
  const next = sibling && sibling.indent === indent && sibling.number !== null
  return `${next ? (sibling.number as number) + 1 : 1}${item.delimiter}`
}

function shiftItems(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const lines = touchedLines(state)
    if (!lines || state.readOnly) return false
    // Lines as they read after the moves made so far (lines are moved top to bottom, so an item
    // selected with its parent follows the parent), and as they read before any.
    const moved = new Map<number, string>()
    const text = (n: number) => moved.get(n) ?? state.doc.line(n).text
    const original = (n: number) => state.doc.line(n).text
    const changes: ChangeSpec[] = []
    for (const line of lines) {
      const item = itemOf(line.text) as Item
      let indent: number
      if (direction === 1) {
        // Nest under the previous item of the same level; a first item has none to go under.
        const sibling = itemAbove(line.number, item.indent, text)
        if (!sibling || sibling.indent !== item.indent) continue
        indent = contentColumn(sibling)
      } else {
        // Out to where the item's own parent stood (a selected parent moves out with it).
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
    }
    if (changes.length === 0) return true
    // The items after the moved ones are numbered in their lists as they now stand.
    const following = renumberFollowing(lines[0].number, state.doc.lines, text, original, moved)
    for (const [n, { item, marker }] of following) {
      const from = state.doc.line(n).from + item.indent
      changes.push({ from, to: from + item.marker.length, insert: marker })
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
