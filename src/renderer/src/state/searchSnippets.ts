/** The lines of an article that match a workspace search, for the search panel's result list. */

/** One matching line: its 1-based number, its text (trimmed to a window), and where words hit. */
export interface SearchSnippet {
  line: number
  text: string
  /** Offsets `[from, to)` into `text` of each matched word. */
  hits: [number, number][]
}

/** The words of a query, lower-cased; what every search compares against. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

function hitsIn(text: string, words: string[]): [number, number][] {
  const lower = text.toLowerCase()
  const hits: [number, number][] = []
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      hits.push([at, at + word.length])
    }
  }
  return hits.sort((a, b) => a[0] - b[0])
}

/**
 * The lines of `text` containing any word of `query`, at most `limit`, each cut to about `width`
 * characters around its first hit.
 */
export function searchSnippets(
  text: string,
  query: string,
  limit = 5,
  width = 120,
): SearchSnippet[] {
  const words = queryWords(query)
  if (words.length === 0) return []
  const snippets: SearchSnippet[] = []
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length && snippets.length < limit; index++) {
    const full = lines[index]
    const hits = hitsIn(full, words)
    if (hits.length === 0) continue
    const start = Math.max(0, Math.min(hits[0][0] - 30, full.length - width))
    const cut = full.slice(start, start + width)
    const shifted = hits
      .map(([from, to]): [number, number] => [from - start, to - start])
      .filter(([from, to]) => from >= 0 && to <= cut.length)
    snippets.push({
      line: index + 1,
      text: (start > 0 ? '…' : '') + cut + (start + width < full.length ? '…' : ''),
      hits: start > 0 ? shifted.map(([f, t]): [number, number] => [f + 1, t + 1]) : shifted,
    })
  }
  return snippets
}
