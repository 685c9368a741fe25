/**
 * The article body inside the preview frame, kept as blocks: the render worker's block patches
 * replace only the blocks that changed, so unchanged blocks (their loaded images, the scroll
 * position) stay, and a keystroke costs the main thread one block's HTML, not the article's.
 */
import { applyBodyPatch, blockHtml } from './bodyPatch'
import type { BodyBlock, BodyPatch } from './bodyPatch'
import { findBodyMarkers } from './bodyMarkers'

/** The comment that starts each block in the page, so the blocks can be found after a load. */
export const blockMarker = 'folio:block'

/** The body HTML of `blocks` for a freshly loaded page, each block behind its marker comment. */
export function blocksHtml(blocks: readonly BodyBlock[]): string {
  return blocks.map((block) => `<!--${blockMarker}-->${blockHtml(block)}\n`).join('')
}

/** Moves every `data-line` number inside `nodes` by `by`. */
function shiftNodes(nodes: readonly ChildNode[], by: number): void {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue
    const element = node as Element
    const line = element.getAttribute('data-line')
    if (line !== null) element.setAttribute('data-line', String(Number(line) + by))
    for (const inner of element.querySelectorAll('[data-line]')) {
      inner.setAttribute('data-line', String(Number(inner.getAttribute('data-line')) + by))
    }
  }
}

export class PreviewBody {
  private blocks: BodyBlock[] = []
  /** Per block, its marker comment and nodes in the mounted document; null when not mounted. */
  private nodes: ChildNode[][] | null = null
  private end: Comment | null = null

  /** The body as HTML for a page about to be loaded. */
  get html(): string {
    return blocksHtml(this.blocks)
  }

  /** Forgets the blocks (the worker starts over and sends every block with its HTML). */
  clear(): void {
    this.blocks = []
    this.unmount()
  }

  /** Stops patching the current document (a new one is loading). */
  unmount(): void {
    this.nodes = null
    this.end = null
  }

  /**
   * Takes over the body of a loaded document: when `current` (it was loaded with `html` and no
   * patch came since), finds each block's nodes by its marker; otherwise puts every block in
   * anew. Returns false when the document has no body markers (not a rendered article page).
   */
  mount(doc: Document, current: boolean): boolean {
    this.unmount()
    const markers = findBodyMarkers(doc)
    if (!markers) return false
    const nodes: ChildNode[][] = []
    for (let n = markers.start.nextSibling; n && n !== markers.end; n = n.nextSibling) {
      if (n.nodeType === 8 && (n as Comment).data === blockMarker) nodes.push([n])
      else if (nodes.length > 0) nodes[nodes.length - 1].push(n)
    }
    this.end = markers.end
    this.nodes = nodes
    if (!current || nodes.length !== this.blocks.length) {
      // The page holds other blocks than these: put them in anew.
      while (markers.start.nextSibling && markers.start.nextSibling !== markers.end) {
        markers.start.nextSibling.remove()
      }
      this.nodes = []
      this.replace(0, 0, this.blocks)
    }
    return true
  }

  /**
   * Applies a patch from the worker to the blocks and, when mounted, to the page. Returns how
   * many blocks the page got anew.
   */
  apply(patch: BodyPatch): number {
    const before = this.blocks
    this.blocks = applyBodyPatch(before, patch)
    if (!this.nodes || !this.end) return 0
    if (patch.shift !== 0) {
      for (let i = patch.start + patch.removed; i < this.nodes.length; i++) {
        shiftNodes(this.nodes[i], patch.shift)
      }
    }
    const inserted = this.blocks.slice(patch.start, patch.start + patch.inserted.length)
    return this.replace(patch.start, patch.removed, inserted, before)
  }

  /**
   * Replaces the page nodes of `count` blocks at `start` with nodes for `blocks`, reusing the
   * removed nodes of a block with the same id (a moved block keeps its loaded images).
   */
  private replace(
    start: number,
    count: number,
    blocks: readonly BodyBlock[],
    before: readonly BodyBlock[] = [],
  ): number {
    const nodes = this.nodes as ChildNode[][]
    const end = this.end as Comment
    const doc = end.ownerDocument
    const removed = nodes.slice(start, start + count)
    const reusable = new Map<string, { nodes: ChildNode[]; line: number }[]>()
    removed.forEach((group, i) => {
      const old = before[start + i]
      if (!old) return
      const list = reusable.get(old.id) ?? []
      list.push({ nodes: group, line: old.line })
      reusable.set(old.id, list)
    })
    const anchor = nodes.slice(start + count).find((group) => group.length > 0)?.[0] ?? end
    const parent = end.parentNode as Node
    const created: ChildNode[][] = []
    let fresh = 0
    for (const block of blocks) {
      const reused = reusable.get(block.id)?.shift()
      if (reused) {
        if (reused.line !== block.line) shiftNodes(reused.nodes, block.line - reused.line)
        for (const node of reused.nodes) parent.insertBefore(node, anchor)
        created.push(reused.nodes)
        continue
      }
      const template = doc.createElement('template')
      template.innerHTML = `<!--${blockMarker}-->${blockHtml(block)}\n`
      const group = Array.from(template.content.childNodes)
      parent.insertBefore(template.content, anchor)
      created.push(group)
      fresh++
    }
    for (const list of reusable.values()) {
      for (const { nodes: group } of list) for (const node of group) node.remove()
    }
    nodes.splice(start, count, ...created)
    return fresh
  }
}
