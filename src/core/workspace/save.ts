/**
 * Saving an article without ever losing a word: the save only happens when the disk still holds
 * the version the editor loaded, and it is atomic, so a crash leaves the old or the new text.
 */
import { constants, promises as fs, type Stats } from 'node:fs'
import path from 'node:path'
import type { SaveResult } from '../api'
import { FolioError, toFolioError } from '../errors'
import { atomicWrite } from './atomicWrite'
import { decodeArticle } from './decode'
import { contentHash } from './hash'
import { summarizeArticle } from './list'
import { resolveInside } from './paths'
import type { Workspace } from './types'
import { writingVersion } from './versions'

async function statOrNull(abs: string): Promise<Stats | null> {
  try {
    return await fs.stat(abs)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** The disk's side of a conflict: its text, or why it cannot be read as text. */
function diskSideOf(
  bytes: Buffer | null,
  relPath: string,
): { diskText: string | null; diskProblem?: string } {
  if (!bytes) return { diskText: null }
  try {
    return { diskText: decodeArticle(bytes, relPath) }
  } catch (err) {
    if (err instanceof FolioError && err.code === 'unreadable')
      return { diskText: null, diskProblem: err.message }
    throw err
  }
}

async function refuseReadOnly(abs: string, st: Stats, relPath: string): Promise<void> {
  const readOnly = (st.mode & 0o222) === 0
  const denied = await fs.access(abs, constants.W_OK).then(
    () => false,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') return true
      throw err
    },
  )
  if (readOnly || denied) {
    throw new FolioError(
      'permission-denied',
      `"${relPath}" is read-only, so your changes were not saved. Make it writable (or save a copy) and save again.`,
      { path: relPath },
    )
  }
}

/**
 * Saves `text` to `relPath` if the file on disk is still `baseVersion` (null: the file must not
 * exist). Otherwise nothing is written and the disk's text and version come back as a conflict.
 * The write is atomic and keeps the file's mode; failures (disk full, permission) throw a
 * FolioError naming the path, with the old file intact.
 */
export async function saveArticle(
  ws: Workspace,
  relPath: string,
  text: string,
  baseVersion: string | null,
): Promise<SaveResult> {
  // A symlinked article (inside the workspace) is saved through to its real file, keeping the link.
  const abs = await realTarget(await resolveInside(ws, relPath))
  try {
    const st = await statOrNull(abs)
    if (st?.isDirectory())
      throw new FolioError('invalid-argument', `"${relPath}" is a folder, not an article.`, {
        path: relPath,
      })
    const diskBytes = st ? await fs.readFile(abs) : null
    const diskVersion = diskBytes ? contentHash(diskBytes) : null
    if (diskVersion !== baseVersion) {
      return { status: 'conflict', ...diskSideOf(diskBytes, relPath), diskVersion }
    }
    if (st) await refuseReadOnly(abs, st, relPath)
    else await fs.mkdir(path.dirname(abs), { recursive: true })
    const bytes = Buffer.from(text, 'utf8')
    const version = contentHash(bytes)
    // The watcher recognises the events of this write as Folio's own by the version.
    await writingVersion(abs, version, () =>
      atomicWrite(abs, bytes, { mode: st ? st.mode & 0o7777 : undefined, noClobber: !st }),
    )
    const after = await fs.stat(abs)
    return {
      status: 'saved',
      version,
      mtimeMs: after.mtimeMs,
      summary: summarizeArticle(ws, relPath),
    }
  } catch (err) {
    const e = toFolioError(err, relPath)
    if (e.code === 'disk-full') {
      throw new FolioError(
        'disk-full',
        `"${relPath}" was not saved: the disk is full. The file on disk is unchanged; free some space and save again.`,
        { path: relPath },
      )
    }
    if (e.code === 'exists') return saveArticle(ws, relPath, text, baseVersion)
    throw e
  }
}

/** The real file behind `abs` when it is a symlink; `abs` itself when it does not exist yet. */
async function realTarget(abs: string): Promise<string> {
  try {
    return await fs.realpath(abs)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return abs
    throw err
  }
}
