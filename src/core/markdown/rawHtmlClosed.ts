/**
 * Whether the raw HTML written in a block closes every element it opens and closes none it did
 * not open. Only then does the block's HTML parse the same alone as in the whole article: an
 * element left open (or closed early) reaches into the blocks after it when the article's HTML is
 * parsed as one. Errs on "not closed" for anything it does not understand.
 */

const tag =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(\/?)>/g
const comment = /<!--[^]*?-->/g
const voidElements = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
)

/** True when the raw HTML pieces `raw` (in document order) open and close elements in pairs. */
export function rawHtmlClosed(raw: readonly string[]): boolean {
  const open: string[] = []
  for (const piece of raw) {
    const text = piece.replace(comment, '')
    // Comments left open, doctypes and processing instructions run on to a later '>'.
    if (text.includes('<!') || text.includes('<?')) return false
    const tags = [...text.matchAll(tag)]
    // A tag left unfinished takes what follows it as attributes.
    if (tags.length !== (text.match(/<\/?[A-Za-z]/g)?.length ?? 0)) return false
    for (const match of tags) {
      const name = match[2].toLowerCase()
      if (voidElements.has(name)) continue
      if (match[1] === '') open.push(name)
      else if (open.pop() !== name) return false
    }
  }
  return open.length === 0
}
