/**
 * The journal of unsaved edits: the editor's text of each dirty article, written atomically to
 * `.folio/journal/` within a second of typing, so a crash, power loss or kill loses nothing.
 * The next start lists the entries and offers to restore them.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'
import { atomicWrite, isTempName } from './atomicWrite'
import { contentHash } from './hash'
import { normalizeRelPath, resolveInside } from './paths'
import type { Workspace } from './types'
import type { JournalEntry } from '../api'
export type { JournalEntry }

/** Workspace-relative folder of the journal. */
export const journalDir = '.folio/journal'

function entryFile(ws: Workspace, relPath: string): string {
  return path.join(
    ws.root,
    journalDir,
    `${contentHash(normalizeRelPath(relPath)).slice(0, 32)}.json`,
  )
}

/** Records the unsaved `text` of `relPath` (replacing its previous entry) atomically. */
export async function writeJournal(
  ws: Workspace,
  relPath: string,
  text: string,
  baseVersion: string | null,
  now: Date = new Date(),
): Promise<void> {
  await resolveInside(ws, relPath)
  const entry: JournalEntry = {
    path: normalizeRelPath(relPath),
    text,
    baseVersion,
    savedAt: now.toISOString(),
  }
  const file = entryFile(ws, relPath)
  try {
    await fs.mkdir(path.dirname(file), { recursive: true })
    await atomicWrite(file, JSON.stringify(entry))
  } catch (err) {
    const e = toFolioError(err, journalDir)
    throw new FolioError(
      e.code,
      `Unsaved edits of "${relPath}" could not be kept safe in ${journalDir}: ${e.message}`,
      { path: relPath },
    )
  }
}

/** The journaled entries, oldest first. A damaged entry fails with FolioError 'unreadable'. */
export async function listJournal(ws: Workspace): Promise<JournalEntry[]> {
  const dir = path.join(ws.root, journalDir)
  const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[]
    throw toFolioError(err, journalDir)
  })
  const entries: JournalEntry[] = []
  for (const name of names.filter((n) => n.endsWith('.json') && !isTempName(n))) {
    const rel = `${journalDir}/${name}`
    const raw = await fs.readFile(path.join(dir, name), 'utf8').catch((err: unknown) => {
      throw toFolioError(err, rel)
    })
    try {
      entries.push(JSON.parse(raw) as JournalEntry)
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err
      throw new FolioError(
        'unreadable',
        `The journal entry "${rel}" is damaged; remove it to continue.`,
        { path: rel },
      )
    }
  }
  return entries.sort((a, b) => a.savedAt.localeCompare(b.savedAt))
}

/** Removes the journal entry of `relPath` (after a save, or when the user discards the edits). */
export async function discardJournal(ws: Workspace, relPath: string): Promise<void> {
  await fs.rm(entryFile(ws, relPath), { force: true }).catch((err: unknown) => {
    throw toFolioError(err, journalDir)
  })
}
