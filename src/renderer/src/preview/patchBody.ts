/**
 * Incremental update of the preview: replaces only the top-level body nodes that changed between
 * two renders, so unchanged blocks (and their loaded images, and the scroll position) stay.
 */

/** The comment nodes around the article body in a preview document, or null if absent. */
export function findBodyMarkers(doc: Document): { start: Comment; end: Comment } | null {
  const walker = doc.createTreeWalker(doc.body ?? doc, NodeFilter.SHOW_COMMENT)
  let start: Comment | null = null
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = (node as Comment).data
    if (value === 'folio:body-start') start = node as Comment
    else if (value === 'folio:body-end' && start) return { start, end: node as Comment }
  }
  return null
}

/**
 * Makes the nodes between the body markers equal to `bodyHtml`, touching only the differing run
 * between the common prefix and suffix. Returns how many nodes were replaced, or -1 when the
 * document has no markers.
 */
export function patchBody(doc: Document, bodyHtml: string): number {
  const markers = findBodyMarkers(doc)
  if (!markers) return -1
  const template = doc.createElement('template')
  template.innerHTML = bodyHtml
  const next = Array.from(template.content.childNodes)
  const current: ChildNode[] = []
  for (let n = markers.start.nextSibling; n && n !== markers.end; n = n.nextSibling) current.push(n)

  let head = 0
  while (head < current.length && head < next.length && current[head].isEqualNode(next[head]))
    head++
  let tail = 0
  while (
    tail < current.length - head &&
    tail < next.length - head &&
    current[current.length - 1 - tail].isEqualNode(next[next.length - 1 - tail])
  ) {
    tail++
  }
  const removed = current.slice(head, current.length - tail)
  const added = next.slice(head, next.length - tail)
  const anchor = current[current.length - tail] ?? markers.end
  for (const node of removed) node.remove()
  const parent = markers.end.parentNode as Node
  for (const node of added) parent.insertBefore(node, anchor)
  return Math.max(removed.length, added.length)
}
