/**
 * Finding articles by words: a case-insensitive search over titles, tags and bodies, for the
 * article list's search box. Reads each article in full, so it runs on demand, not on listing.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { findArticleFiles } from './articleFiles'
import { mapLimit } from './mapLimit'
import type { Workspace } from './types'

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/**
 * Paths of the articles whose text (front matter and body) contains every word of `query`,
 * ignoring case and accents. Unreadable files are left out of the results.
 */
export async function searchArticles(ws: Workspace, query: string): Promise<string[]> {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const files = await findArticleFiles(ws)
  const hits = await mapLimit(files, 16, async (rel) => {
    const text = await fs
      .readFile(path.join(ws.root, rel), 'utf8')
      .catch((err: NodeJS.ErrnoException) => {
        // A file removed since the folder was scanned simply does not match.
        if (err.code === 'ENOENT') return ''
        throw err
      })
    const folded = fold(text)
    return words.every((w) => folded.includes(w)) ? rel : null
  })
  return hits.filter((p): p is string => p !== null)
}
