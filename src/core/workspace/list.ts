/**
 * Listing the articles of a workspace fast: only the front matter at the top of each file is
 * read (in small chunks until the closing fence), never whole bodies.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import path from 'node:path'
import type { ArticleSummary } from '../api'
import { FolioError, toFolioError } from '../errors'
import { findFrontMatter, isFrontMatterBlock, parseFrontMatter } from '../frontmatter'
import { findArticleFiles } from './articleFiles'
import { decodeArticle } from './decode'
import { articleFields, dateValue } from './fields'
import type { Workspace } from './types'

const chunkSize = 8 * 1024
/** Front matter longer than this is treated as unclosed rather than read on and on. */
const maxFrontMatterBytes = 1024 * 1024
/** Files read between two yields to the event loop (a few milliseconds of work). */
const batchSize = 100

/**
 * The leading text of a file, up to and including its front matter block (or its first chunk).
 * NOTE: synchronous on purpose: four small syscalls per file are several times faster than the
 * thread-pool round trips of fs.promises; `listArticles` yields to the event loop between batches.
 */
function readHead(abs: string, relPath: string): { head: string; size: number; mtimeMs: number } {
  const fd = openSync(abs, 'r')
  try {
    const st = fstatSync(fd)
    const chunks: Buffer[] = []
    let read = 0
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, Math.max(st.size - read, 0)) || 1)
      const bytesRead = readSync(fd, buf, 0, buf.length, read)
      chunks.push(buf.subarray(0, bytesRead))
      read += bytesRead
      const atEnd = bytesRead === 0 || read >= st.size
      const head = decodeArticle(Buffer.concat(chunks), relPath, atEnd)
      const found = findFrontMatter(head)
      if (atEnd || read >= maxFrontMatterBytes || found === null || isFrontMatterBlock(found)) {
        return { head, size: st.size, mtimeMs: st.mtimeMs }
      }
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * The list entry of the article at `relPath` (a workspace-relative article path), from its front
 * matter; a file that cannot be read or parsed gets an entry with the problem in `error`.
 */
export function summarizeArticle(ws: Workspace, relPath: string): ArticleSummary {
  const abs = path.join(ws.root, relPath)
  let size = 0
  let mtimeMs = 0
  try {
    const head = readHead(abs, relPath)
    size = head.size
    mtimeMs = head.mtimeMs
    const parsed = parseFrontMatter(head.head)
    const fields = articleFields(ws, relPath, parsed.data)
    const summary: ArticleSummary = {
      path: relPath,
      title: fields.title,
      date: fields.date,
      tags: fields.tags,
      draft: fields.draft,
      description: fields.description,
      size,
      mtimeMs,
    }
    if (parsed.error) {
      summary.error = new FolioError('frontmatter', `Front matter: ${parsed.error.message}`, {
        path: relPath,
        line: parsed.error.line,
      }).toJSON()
    }
    return summary
  } catch (err) {
    const fields = articleFields(ws, relPath, {})
    return {
      path: relPath,
      title: fields.title,
      date: fields.date,
      tags: [],
      draft: fields.draft,
      size,
      mtimeMs,
      error: toFolioError(err, relPath).toJSON(),
    }
  }
}

/** Orders articles newest first: by front matter date, then by modification time, then path. */
export function newestFirst(
  a: { date: string | null; mtimeMs: number; path: string },
  b: { date: string | null; mtimeMs: number; path: string },
): number {
  return (
    dateValue(b.date) - dateValue(a.date) || b.mtimeMs - a.mtimeMs || a.path.localeCompare(b.path)
  )
}

/**
 * Lists every article of `ws`, newest first. Reads only front matter; a file that cannot be
 * read or parsed is still listed, with the problem in `error`.
 */
export async function listArticles(ws: Workspace): Promise<ArticleSummary[]> {
  const files = await findArticleFiles(ws)
  const summaries: ArticleSummary[] = []
  for (let i = 0; i < files.length; i += batchSize) {
    for (const rel of files.slice(i, i + batchSize)) summaries.push(summarizeArticle(ws, rel))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return summaries.sort(newestFirst)
}
