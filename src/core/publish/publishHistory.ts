/**
 * The publish history of a workspace: one JSON line per publish in `.folio/publish/history.jsonl`.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toFolioError } from '../errors'
import type { Workspace } from '../workspace'
import { publishStateDir } from './manifest'
import type { PublishHistoryEntry } from '../api'
export type { PublishHistoryEntry }

function historyFile(root: string): string {
  return join(publishStateDir(root), 'history.jsonl')
}

/** Appends one entry to the workspace's publish history. */
export async function appendPublishHistory(
  root: string,
  entry: PublishHistoryEntry,
): Promise<void> {
  const file = historyFile(root)
  try {
    await mkdir(publishStateDir(root), { recursive: true })
    await appendFile(file, JSON.stringify(entry) + '\n')
  } catch (err) {
    throw toFolioError(err, file)
  }
}

/** Every recorded publish of the workspace, newest first; an empty list before the first one. */
export async function readPublishHistory(ws: Workspace): Promise<PublishHistoryEntry[]> {
  const file = historyFile(ws.root)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return []
    throw toFolioError(err, file)
  }
  const entries: PublishHistoryEntry[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      entries.push(JSON.parse(line) as PublishHistoryEntry)
    } catch {
      // NOTE: a line cut short by a crash is skipped; the other entries are still history.
      continue
    }
  }
  return entries.reverse()
}
