/**
 * Cleaning up after saves that never finished: a save killed mid-write (crash, power loss, kill)
 * leaves its `.<name>.<hex>.folio-tmp` beside the article. The article itself is intact (the
 * rename never happened), so the temp file is debris once no save can still be writing it.
 */
import { promises as fs, type Dirent } from 'node:fs'
import path from 'node:path'
import { toFolioError } from '../errors'
import type { LayoutInfo } from './types'

/** A temp file untouched this long belongs to no running save (a save takes milliseconds). */
export const staleTempAgeMs = 5 * 60_000

/** Exactly the names `atomicWrite` gives its temp files: `.<name>.<12 hex>.folio-tmp`. */
const tempFileName = /^\..+\.[0-9a-f]{12}\.folio-tmp$/

/** Errors that leave a temp file in place without failing the open: it is harmless, only litter. */
const leaveInPlace = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS', 'EBUSY'])

/** The layout's content folders (articles, drafts, pages), workspace-relative, without repeats. */
function contentFolders(ws: LayoutInfo): string[] {
  const dirs = [...ws.articleDirs, ...ws.draftDirs, ...(ws.pagesDir === null ? [] : [ws.pagesDir])]
  return [...new Set(dirs)]
}

async function readDir(abs: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(abs, { withFileTypes: true })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw err
  }
}

/** Removes `abs` if it is still a regular file last changed before `cutoffMs`; true if removed. */
async function removeIfStale(abs: string, cutoffMs: number): Promise<boolean> {
  try {
    const info = await fs.lstat(abs)
    if (!info.isFile() || info.mtimeMs >= cutoffMs) return false
    await fs.unlink(abs)
    return true
  } catch (err) {
    if (leaveInPlace.has((err as NodeJS.ErrnoException).code ?? '')) return false
    throw err
  }
}

/**
 * Removes temp files of interrupted saves older than `staleTempAgeMs` from the content folders
 * of the workspace at `root` (and their subfolders, not hidden ones or symlinks); nothing else is
 * touched. Resolves the workspace-relative paths removed. A file it may not delete is left.
 */
export async function removeStaleTempFiles(
  root: string,
  ws: LayoutInfo,
  nowMs = Date.now(),
): Promise<string[]> {
  const removed: string[] = []
  const cutoffMs = nowMs - staleTempAgeMs
  const pending = contentFolders(ws)
  const seen = new Set<string>()
  try {
    while (pending.length > 0) {
      const batch = pending.splice(0).filter((dir) => !seen.has(dir))
      for (const dir of batch) seen.add(dir)
      const listed = await Promise.all(batch.map((dir) => readDir(path.join(root, dir))))
      const jobs: Promise<void>[] = []
      batch.forEach((dir, i) => {
        for (const entry of listed[i]) {
          const rel = dir ? `${dir}/${entry.name}` : entry.name
          if (entry.isDirectory()) {
            if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(rel)
          } else if (entry.isFile() && tempFileName.test(entry.name)) {
            jobs.push(
              removeIfStale(path.join(root, rel), cutoffMs).then((done) => {
                if (done) removed.push(rel)
              }),
            )
          }
        }
      })
      await Promise.all(jobs)
    }
  } catch (err) {
    throw toFolioError(err, root)
  }
  return removed.sort()
}
