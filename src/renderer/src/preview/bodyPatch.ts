/**
 * The block diff the render worker sends instead of the whole body: which run of blocks changed,
 * the blocks that replace it (with HTML only for blocks the UI thread has not seen), and how far
 * the source lines of the blocks after it moved. Pure data; runs in the worker and in tests.
 */
import { shiftDataLines } from '../../../core/markdown/rehypeSourceLines'

/** A block as the worker last sent it: what identifies its HTML, and its first source line. */
export interface BlockRef {
  id: string
  line: number
}

/**
 * A block of the body with its HTML as rendered when it started at `htmlLine` (renumbering the
 * HTML is left until it is needed: see `blockHtml`).
 */
export interface BodyBlock extends BlockRef {
  html: string
  htmlLine: number
}

/** A block in a patch; `html` is left out when a block with the same id is already shown. */
export interface PatchBlock extends BlockRef {
  html?: string
}

/** Replace `removed` blocks at `start` with `inserted`; the blocks after them move by `shift` lines. */
export interface BodyPatch {
  start: number
  removed: number
  inserted: PatchBlock[]
  shift: number
}

/**
 * The patch from the blocks last sent (`previous`) to `next`. The unchanged run at the start must
 * match id and line; the unchanged run at the end matches by id with one common line shift (what
 * a single edit produces). `html(i)` gives the HTML of `next[i]`, asked only for new ids.
 */
export function diffBody(
  previous: readonly BlockRef[],
  next: readonly BlockRef[],
  html: (index: number) => string,
): BodyPatch {
  let start = 0
  while (
    start < previous.length &&
    start < next.length &&
    previous[start].id === next[start].id &&
    previous[start].line === next[start].line
  ) {
    start++
  }
  let tail = 0
  const shift =
    previous.length > start && next.length > start
      ? next[next.length - 1].line - previous[previous.length - 1].line
      : 0
  while (tail < previous.length - start && tail < next.length - start) {
    const a = previous[previous.length - 1 - tail]
    const b = next[next.length - 1 - tail]
    if (a.id !== b.id || b.line - a.line !== shift) break
    tail++
  }
  const known = new Set(previous.map((block) => block.id))
  const inserted: PatchBlock[] = []
  for (let i = start; i < next.length - tail; i++) {
    const { id, line } = next[i]
    inserted.push(known.has(id) ? { id, line } : { id, line, html: html(i) })
  }
  return { start, removed: previous.length - tail - start, inserted, shift: tail > 0 ? shift : 0 }
}

/**
 * The patch for a change the renderer already knows (see PartsChange): `next[start, start +
 * inserted)` replace `removed` blocks of the previous ones, and the rest moved `shift` lines. A
 * block is sent with its HTML unless a block it replaces had the same id. O(changed blocks).
 */
export function patchOfChange(
  previous: readonly BlockRef[],
  next: readonly BlockRef[],
  change: { start: number; removed: number; inserted: number; shift: number },
  html: (index: number) => string,
): BodyPatch {
  const { start, removed, inserted, shift } = change
  const replaced = new Set<string>()
  for (let i = start; i < start + removed; i++) replaced.add(previous[i].id)
  const blocks: PatchBlock[] = []
  for (let i = start; i < start + inserted; i++) {
    const { id, line } = next[i]
    blocks.push(replaced.has(id) ? { id, line } : { id, line, html: html(i) })
  }
  const moved = start + removed < previous.length
  return { start, removed, inserted: blocks, shift: moved ? shift : 0 }
}

/** The block's HTML with the `data-line` numbers of its current place. */
export function blockHtml(block: BodyBlock): string {
  return shiftDataLines(block.html, block.line - block.htmlLine)
}

/**
 * The blocks after applying `patch` to `blocks`. A block the patch sends without HTML takes it
 * from a block of the same id in `blocks`. Throws when there is none: the patch was made against
 * other blocks than these.
 */
export function applyBodyPatch(blocks: readonly BodyBlock[], patch: BodyPatch): BodyBlock[] {
  let byId: Map<string, BodyBlock> | null = null
  const inserted = patch.inserted.map((block): BodyBlock => {
    if (block.html !== undefined) return { ...block, html: block.html, htmlLine: block.line }
    byId ??= new Map(blocks.map((known) => [known.id, known]))
    const known = byId.get(block.id)
    if (!known) throw new Error(`The preview lost track of block ${block.id}.`)
    return { id: block.id, line: block.line, html: known.html, htmlLine: known.htmlLine }
  })
  const next = blocks.slice()
  next.splice(patch.start, patch.removed, ...inserted)
  if (patch.shift !== 0) {
    for (let i = patch.start + inserted.length; i < next.length; i++) {
      next[i] = { ...next[i], line: next[i].line + patch.shift }
    }
  }
  return next
}
