/**
 * Live changes from outside Folio (another editor, git pull, a sync client). Only real content
 * changes are reported: each event's file is hashed and compared with the version Folio last
 * knew, so Folio's own saves are never mistaken for outside edits.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { watch } from 'chokidar'
import type { ArticleChangedEvent } from '../api'
import { isTempName } from './atomicWrite'
import { isArticlePath } from './articleFiles'
import { contentHash } from './hash'
import { toRelPath } from './paths'
import type { Workspace } from './types'
import { readOutsideChange, rememberVersion } from './versions'

/** How long a file must be quiet before its change is examined, in milliseconds. */
const settleMs = 60

/** A running watch; `ready` resolves once the initial scan is done and changes are being seen. */
export interface WorkspaceWatch {
  ready: Promise<void>
  close(): Promise<void>
}

async function currentVersion(abs: string): Promise<string | null> {
  try {
    return contentHash(await fs.readFile(abs))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw err
  }
}

/**
 * Watches `ws` and calls `onChange` for every article added, changed or removed by something
 * other than this process. Errors reading a changed file are passed to `onError` (default: the
 * file is reported as changed without a version, so the UI re-reads it and shows the error).
 */
export function watchWorkspace(
  ws: Workspace,
  onChange: (e: ArticleChangedEvent) => void,
  onError?: (err: unknown) => void,
): WorkspaceWatch {
  const watcher = watch(ws.root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (p: string) => {
      const name = path.basename(p)
      return p !== ws.root && (name.startsWith('.') || name === 'node_modules' || isTempName(name))
    },
  })
  // NOTE: events for one file are handled one after another, so a slow hash of an older event
  // cannot overwrite the version recorded for a newer one.
  const queues = new Map<string, Promise<void>>()
  const handle = async (abs: string, event: 'add' | 'change' | 'unlink') => {
    const rel = toRelPath(ws, abs)
    if (!isArticlePath(ws, rel)) return
    const change = await readOutsideChange(abs, () => currentVersion(abs))
    if (!change) return
    const { version, before } = change
    rememberVersion(abs, version)
    if (version === null) onChange({ path: rel, kind: 'removed' })
    else
      onChange({
        path: rel,
        kind: event === 'add' && before === undefined ? 'added' : 'changed',
        version,
      })
  }
  const enqueue = (event: 'add' | 'change' | 'unlink', abs: string) => {
    const run = (queues.get(abs) ?? Promise.resolve())
      .then(() => handle(abs, event))
      .catch((err: unknown) => {
        if (onError) onError(err)
        else onChange({ path: toRelPath(ws, abs), kind: 'changed' })
      })
    queues.set(abs, run)
    void run.finally(() => {
      if (queues.get(abs) === run) queues.delete(abs)
    })
  }
  // NOTE: another program's write is often truncate-then-write; waiting until a file has been
  // quiet briefly avoids reporting its half-written state. Own saves are still told apart by
  // content (the registry), never by this delay.
  const timers = new Map<string, { timer: NodeJS.Timeout; event: 'add' | 'change' | 'unlink' }>()
  watcher.on('all', (event, abs) => {
    if (event !== 'add' && event !== 'change' && event !== 'unlink') return
    const pending = timers.get(abs)
    if (pending) clearTimeout(pending.timer)
    const first = pending?.event === 'add' && event === 'change' ? 'add' : event
    const timer = setTimeout(() => {
      timers.delete(abs)
      enqueue(first, abs)
    }, settleMs)
    timers.set(abs, { timer, event: first })
  })
  if (onError) watcher.on('error', onError)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    close: async () => {
      for (const { timer } of timers.values()) clearTimeout(timer)
      timers.clear()
      await watcher.close()
    },
  }
}
