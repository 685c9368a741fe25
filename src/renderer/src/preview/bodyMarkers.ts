/** The comment markers around the article body in a preview document. */

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
