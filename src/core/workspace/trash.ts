/**
 * Folio's own trash (for the CLI and web mode): trashed articles move to `.folio/trash/<id>/`
 * with a JSON record of where they came from, and can be restored without overwriting anything.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'
import { articleUnit, withSlug } from './articleUnit'
import { atomicWrite } from './atomicWrite'
import { articleFields } from './fields'
import { parseFrontMatter } from '../frontmatter'
import { pathExists } from './pathExists'
import { resolveInside } from './paths'
import type { Workspace } from './types'
import { rememberRemoval } from './versions'
import type { TrashEntry } from '../api'
export type { TrashEntry }

/** Workspace-relative folder of the trash. */
export const trashDir = '.folio/trash'

function entryDir(ws: Workspace, id: string): string {
  if (!/^[0-9a-z-]+$/.test(id))
    throw new FolioError('invalid-argument', `"${id}" is not a trash entry.`)
  return path.join(ws.root, trashDir, id)
}

/** Moves the article at `relPath` (with its bundle folder) into the trash; returns its entry. */
export async function trashArticle(
  ws: Workspace,
  relPath: string,
  now: Date = new Date(),
): Promise<TrashEntry> {
  const unit = articleUnit(ws, relPath)
  const movedAbs = await resolveInside(ws, unit.moved)
  const fileAbs = await resolveInside(ws, unit.file)
  let title = unit.slug
  try {
    const head = await fs.readFile(fileAbs, 'utf8')
    title = articleFields(ws, relPath, parseFrontMatter(head).data).title
  } catch (err) {
    throw toFolioError(err, relPath)
  }
  const id = `${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`
  const dir = entryDir(ws, id)
  const entry: TrashEntry = {
    id,
    originalPath: relPath,
    originalMoved: unit.moved,
    isBundle: unit.isBundle,
    title,
    trashedAt: now.toISOString(),
  }
  try {
    await fs.mkdir(dir, { recursive: true })
    await atomicWrite(path.join(dir, 'record.json'), JSON.stringify(entry, null, 2))
    // NOTE: forget the version first, so the watcher does not report Folio's own move as outside.
    rememberRemoval(fileAbs)
    await fs.rename(movedAbs, path.join(dir, path.basename(movedAbs)))
  } catch (err) {
    throw toFolioError(err, relPath)
  }
  return entry
}

/** The entries in the trash, most recently trashed first. */
export async function listTrash(ws: Workspace): Promise<TrashEntry[]> {
  const root = path.join(ws.root, trashDir)
  const ids = await fs.readdir(root).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[]
    throw toFolioError(err, trashDir)
  })
  const entries: TrashEntry[] = []
  for (const id of ids) {
    const record = path.join(root, id, 'record.json')
    try {
      entries.push(JSON.parse(await fs.readFile(record, 'utf8')) as TrashEntry)
    } catch (err) {
      throw toFolioError(
        err instanceof SyntaxError
          ? new FolioError(
              'unreadable',
              `The trash record "${trashDir}/${id}/record.json" is damaged.`,
              { path: `${trashDir}/${id}/record.json` },
            )
          : err,
        `${trashDir}/${id}`,
      )
    }
  }
  return entries.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt))
}

/**
 * Restores trash entry `id` to its original place; when that name is taken, beside it with a
 * `-restored` suffix (never overwriting). Returns the restored article's path.
 */
export async function restoreArticle(ws: Workspace, id: string): Promise<string> {
  const dir = entryDir(ws, id)
  const entry = (await listTrash(ws)).find((e) => e.id === id)
  if (!entry) throw new FolioError('not-found', `Nothing with id "${id}" is in the trash.`)
  const unit = articleUnit(ws, entry.originalPath)
  let target = { file: unit.file, moved: unit.moved }
  for (let n = 1; await pathExists(await resolveInside(ws, target.moved)); n++) {
    target = withSlug(unit, n === 1 ? `${unit.slug}-restored` : `${unit.slug}-restored-${n}`)
  }
  const from = path.join(dir, path.basename(entry.originalMoved))
  const toAbs = await resolveInside(ws, target.moved)
  try {
    await fs.mkdir(path.dirname(toAbs), { recursive: true })
    if (entry.isBundle) await fs.rename(from, toAbs)
    else {
      await fs.link(from, toAbs)
      await fs.unlink(from)
    }
    await fs.rm(dir, { recursive: true })
  } catch (err) {
    throw toFolioError(err, target.moved)
  }
  return target.file
}
