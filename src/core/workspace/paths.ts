/** Turning workspace-relative paths into absolute ones without ever leaving the workspace. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'
import type { Workspace } from './types'

function outside(relPath: string, why: string): FolioError {
  return new FolioError(
    'outside-workspace',
    `"${relPath}" ${why}; Folio only opens files inside the workspace folder.`,
    {
      path: relPath,
    },
  )
}

/** True when absolute `target` is `root` itself or inside it. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** Normalizes a workspace-relative path to forward slashes without `./` or trailing slashes. */
export function normalizeRelPath(relPath: string): string {
  const normalized = path.posix.normalize(relPath.replace(/\\/g, '/')).replace(/\/$/, '')
  return normalized === '.' ? '' : normalized.replace(/^\.\//, '')
}

/** The workspace-relative form (forward slashes) of an absolute path inside `ws.root`. */
export function toRelPath(ws: Pick<Workspace, 'root'>, absPath: string): string {
  return path.relative(ws.root, absPath).split(path.sep).join('/')
}

/**
 * Resolves a workspace-relative path to an absolute one. Rejects absolute paths, NUL bytes, `..`
 * escapes and symlinks (of the file or any parent) whose real location leaves the workspace,
 * with FolioError 'outside-workspace'. The file itself need not exist.
 */
export async function resolveInside(ws: Pick<Workspace, 'root'>, relPath: string): Promise<string> {
  if (relPath.includes('\0'))
    throw outside(relPath.replace(/\0/g, '\\0'), 'contains a NUL character')
  if (
    relPath === '' ||
    path.isAbsolute(relPath) ||
    /^[a-zA-Z]:/.test(relPath) ||
    relPath.startsWith('\\')
  ) {
    throw outside(relPath, 'is not a workspace-relative path')
  }
  const normalized = normalizeRelPath(relPath)
  if (normalized === '..' || normalized.startsWith('../'))
    throw outside(relPath, 'points outside the workspace')
  const abs = path.join(ws.root, ...normalized.split('/'))
  // NOTE: check the real location of the deepest existing ancestor, so a symlinked folder or
  // file pointing out of the workspace is refused even when the final file does not exist yet.
  let probe = abs
  for (;;) {
    try {
      const real = await fs.realpath(probe)
      if (!isInside(ws.root, real))
        throw outside(relPath, 'is a link to a place outside the workspace')
      return abs
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        const link = await readDanglingLink(probe)
        if (link !== null && !isInside(ws.root, path.resolve(path.dirname(probe), link))) {
          throw outside(relPath, 'is a link to a place outside the workspace')
        }
        const parent = path.dirname(probe)
        if (parent === probe || !isInside(ws.root, parent)) return abs
        probe = parent
        continue
      }
      throw toFolioError(err, relPath)
    }
  }
}

/** The target of `p` when it is a symlink (even a dangling one); null when it is not a link. */
async function readDanglingLink(p: string): Promise<string | null> {
  try {
    return await fs.readlink(p)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EINVAL' || code === 'ENOTDIR') return null
    throw err
  }
}
