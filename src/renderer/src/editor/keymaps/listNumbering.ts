/**
 * Numbering a list again after Tab or Shift-Tab moved some of its items: the items after the
 * moved ones are numbered in the lists they now stand in.
 */
import { contentColumn, indentOf, itemOf, numberedAs, sameKind, type Item } from './listItems'

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
      const indent = indentOf(text)
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
 * Also gives the list's last line.
 */
export function renumberFollowing(
  from: number,
  lines: number,
  text: (n: number) => string,
  original: (n: number) => string,
  moved: Map<number, string>,
): { changes: Map<number, { item: Item; marker: string }>; last: number } {
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
    const renumbered = numberedAs(item, number)
    walk.replaceLast(renumbered)
    changes.set(n, { item, marker: renumbered.marker })
  }
  return { changes, last }
}
