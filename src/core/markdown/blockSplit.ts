/**
 * The block split of one version of an article, kept up to date from edits: after an edit only
 * the lines from the block before it up to where the block starts line up with the old ones again
 * are scanned, and the blocks outside that run are reused (the same objects when their lines did
 * not move, the same strings always). The result always equals `splitBlocks` of the new text.
 */
import { scanBlocks } from './blockScanner'
import type { TextSource } from './chunkedText'
import type { MarkdownEdit } from './markdownEdit'
import type { MarkdownBlock } from './splitBlocks'

/** An article's text and its blocks, as `splitBlocks` gives them, with where each block starts. */
export interface BlockSplit {
  readonly text: TextSource
  readonly blocks: readonly MarkdownBlock[]
  /** Offset in `text` of each block's first character. */
  readonly offsets: readonly number[]
  /** Offset of the line opening the fenced code, math or raw HTML the text ends inside, or -1. */
  readonly openAt: number
}

/** Which blocks an update replaced: `inserted` new ones at `start` for `removed` old ones. */
export interface BlockChange {
  start: number
  removed: number
  inserted: number
  /** How many lines the blocks after the replaced run moved. */
  shift: number
}

interface Scanned {
  blocks: MarkdownBlock[]
  offsets: number[]
  /** Index of the old block the scan lined up with, or -1 when it ran to the end. */
  synced: number
  openAt: number
}

/**
 * Scans `text` from block `index` of `old` until its block starts line up with old ones, reading
 * only a window of it: from that block to two blocks past the edit, widened while the scan runs
 * out of window before it lines up. The window ends just after the line break before an old block
 * start (below the edit, so unchanged), so every line the scan reads in it is whole, as in the
 * text: a block start is decided by the lines up to it and its own first line.
 */
function rescan(
  old: BlockSplit,
  index: number,
  text: TextSource,
  editEnd: number,
  delta: number,
): Scanned {
  const start = old.offsets[index]
  const last = blockAt(old.offsets, editEnd - delta)
  for (let reach = 2; ; reach *= 2) {
    const stop = last + reach
    const end = stop < old.offsets.length ? old.offsets[stop] + delta : text.length
    const found = scanWindow(
      old,
      index,
      text.slice(start, end),
      end === text.length,
      editEnd,
      delta,
    )
    if (found) return found
  }
}

/**
 * The rescan within `window`, the text from block `index` on (to its end when `toEnd`); null when
 * it needs more of the text.
 */
function scanWindow(
  old: BlockSplit,
  index: number,
  window: string,
  toEnd: boolean,
  editEnd: number,
  delta: number,
): Scanned | null {
  const start = old.offsets[index]
  const found: Scanned = { blocks: [], offsets: [start], synced: -1, openAt: -1 }
  const lines = [old.blocks[index].line]
  let j = index + 1
  const end = scanBlocks(window, 0, lines[0], index === 0, (at, line) => {
    const offset = start + at
    if (offset >= editEnd) {
      const was = offset - delta
      while (j < old.offsets.length && old.offsets[j] < was) j++
      if (j < old.offsets.length && old.offsets[j] === was) {
        found.synced = j
        found.offsets.push(offset)
        return true
      }
    }
    found.offsets.push(offset)
    lines.push(line)
    return false
  })
  if (found.synced < 0 && !toEnd) return null
  const ends = found.offsets
  for (let i = 0; i < lines.length; i++) {
    const to = i + 1 < ends.length ? ends[i + 1] - 1 : start + window.length
    found.blocks.push({ line: lines[i], text: window.slice(ends[i] - start, to - start) })
  }
  if (found.synced >= 0) ends.pop()
  found.openAt = end.openAt < 0 ? -1 : start + end.openAt
  return found
}

function countBreaks(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** The index of the block holding offset `at` (the last block starting at or before it). */
function blockAt(offsets: readonly number[], at: number): number {
  let low = 0
  let high = offsets.length - 1
  while (low < high) {
    const mid = (low + high + 1) >>> 1
    if (offsets[mid] <= at) low = mid
    else high = mid - 1
  }
  return low
}

/** The split of `text` from scratch. */
export function splitText(source: TextSource): BlockSplit {
  const text = source.toString()
  const offsets = [0]
  const blocks: MarkdownBlock[] = []
  let line = 1
  const end = scanBlocks(text, 0, 1, true, (offset, next) => {
    blocks.push({ line, text: text.slice(offsets[offsets.length - 1], offset - 1) })
    offsets.push(offset)
    line = next
    return false
  })
  blocks.push({ line, text: text.slice(offsets[offsets.length - 1]) })
  return { text: source, blocks, offsets, openAt: end.openAt }
}

/**
 * The split after `edit` turned `previous.text` into `text`, and which blocks changed. Rescans
 * from the block before the edit's first line (whose blank-line look-ahead reached into it).
 */
export function updateSplit(
  previous: BlockSplit,
  edit: MarkdownEdit,
  text: TextSource,
): { split: BlockSplit; change: BlockChange } {
  const old = previous
  const delta = edit.insert.length - (edit.to - edit.from)
  const shift = countBreaks(edit.insert) - countBreaks(old.text.slice(edit.from, edit.to))
  let index = blockAt(old.offsets, edit.from)
  // A block's text runs up to the line break before the next block.
  const column = edit.from - old.offsets[index]
  const atLineStart = column === 0 || old.blocks[index].text.lastIndexOf('\n', column - 1) < 0
  if (index > 0 && atLineStart) index--
  const found = rescan(old, index, text, edit.from + edit.insert.length, delta)

  // Blocks the rescan found unchanged at its start keep their objects.
  let start = index
  let first = 0
  while (
    first < found.blocks.length &&
    start < (found.synced < 0 ? old.blocks.length : found.synced) &&
    found.blocks[first].text === old.blocks[start].text
  ) {
    found.blocks[first] = old.blocks[start]
    first++
    start++
  }
  const resume = found.synced < 0 ? old.blocks.length : found.synced
  const tail = old.blocks.slice(resume)
  const blocks = old.blocks
    .slice(0, index)
    .concat(
      found.blocks,
      shift === 0 ? tail : tail.map((block) => ({ line: block.line + shift, text: block.text })),
    )
  const tailOffsets = old.offsets.slice(resume)
  const offsets = old.offsets
    .slice(0, index)
    .concat(found.offsets, delta === 0 ? tailOffsets : tailOffsets.map((offset) => offset + delta))
  const openAt = found.synced < 0 ? found.openAt : old.openAt < 0 ? -1 : old.openAt + delta
  return {
    split: { text, blocks, offsets, openAt },
    change: {
      start,
      removed: resume - start,
      inserted: found.blocks.length - first,
      shift: found.synced < 0 ? 0 : shift,
    },
  }
}
