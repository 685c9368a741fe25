/**
 * The difference between two versions of the editor text as one replaced range, found by walking
 * CodeMirror's text trees and skipping the subtrees both versions share. This lets the preview
 * send the render worker a keystroke's few characters instead of the whole article.
 */
import type { Text } from '@codemirror/state'

/** Replace `from`..`to` of the old text with `insert` to get the new text. */
export interface TextEdit {
  from: number
  to: number
  insert: string
}

/** How far two texts of at most `max` characters agree, comparing their strings directly. */
function scanStrings(a: Text, b: Text, dir: 1 | -1, max: number): number {
  const x = dir > 0 ? a.sliceString(0, max) : a.sliceString(a.length - max)
  const y = dir > 0 ? b.sliceString(0, max) : b.sliceString(b.length - max)
  let n = 0
  if (dir > 0) while (n < max && x.charCodeAt(n) === y.charCodeAt(n)) n++
  else while (n < max && x.charCodeAt(max - 1 - n) === y.charCodeAt(max - 1 - n)) n++
  return n
}

/**
 * Characters that `a` and `b` certainly share at their start (`dir` 1) or end (`dir` -1). It may
 * report fewer than they share (when the trees were rebalanced differently), never more.
 */
function scanIdentical(a: Text, b: Text, dir: 1 | -1): number {
  if (a === b) return a.length
  const max = Math.min(a.length, b.length)
  const ca = a.children
  const cb = b.children
  if (!ca || !cb) {
    // Leaves hold a few dozen lines; a leaf against a node is compared up to the leaf's length.
    return scanStrings(a, b, dir, max)
  }
  let length = 0
  for (let i = 0; i < ca.length && i < cb.length; i++) {
    const x = ca[dir > 0 ? i : ca.length - 1 - i]
    const y = cb[dir > 0 ? i : cb.length - 1 - i]
    if (x !== y) return Math.min(max, length + scanIdentical(x, y, dir))
    // The line break between this child and the next is shared only if both have a next child.
    length += x.length
    if (i + 1 >= ca.length || i + 1 >= cb.length) return Math.min(max, length)
    length += 1
  }
  return Math.min(max, length)
}

/** The one range that turns `before` into `after`, or null when they hold the same text. */
export function textEdit(before: Text, after: Text): TextEdit | null {
  if (before === after) return null
  const prefix = scanIdentical(before, after, 1)
  if (prefix === before.length && prefix === after.length) return null
  const room = Math.min(before.length, after.length) - prefix
  const suffix = Math.min(room, scanIdentical(before, after, -1))
  return {
    from: prefix,
    to: before.length - suffix,
    insert: after.sliceString(prefix, after.length - suffix),
  }
}
