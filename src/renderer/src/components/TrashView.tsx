/** The Trash: articles moved there, newest first, each with Restore. */
import { useCallback, useEffect, useState } from 'react'
import type { TrashEntry } from '../../../core/api'

/** Props: how to list the trash and restore an entry (both may reject with a FolioError). */
export interface TrashViewProps {
  list: () => Promise<TrashEntry[]>
  restore: (entry: TrashEntry) => Promise<void>
  onError: (err: unknown) => void
  /** Shown above the list (the desktop app says where its OS-trashed articles went). */
  note?: string
}

/** Loads the trash when shown and after each restore. */
export function TrashView({ list, restore, onError, note }: TrashViewProps) {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const reload = useCallback(() => {
    list().then(
      (all) => setEntries([...all].sort((a, b) => b.trashedAt.localeCompare(a.trashedAt))),
      onError,
    )
  }, [list, onError])
  useEffect(reload, [reload])

  const noteLine = note ? <p className="sidebar-empty trash-note">{note}</p> : null
  if (entries === null) return <p className="sidebar-empty">Loading the trash…</p>
  if (entries.length === 0)
    return (
      <>
        {noteLine}
        <p className="sidebar-empty" data-testid="trash-empty">
          The trash is empty.
        </p>
      </>
    )
  return (
    <>
      {noteLine}
      <ul className="trash-list" data-testid="trash-list">
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="trash-item"
            data-testid="trash-item"
            data-path={entry.originalPath}
          >
            <span className="article-item-title">{entry.title || entry.originalPath}</span>
            <span className="article-item-meta">
              <span title={entry.originalPath}>{entry.originalPath}</span>
            </span>
            <span className="article-item-meta">
              Trashed {new Date(entry.trashedAt).toLocaleString()}
            </span>
            <span className="trash-actions">
              <button
                type="button"
                className="button small"
                data-testid="trash-restore"
                disabled={busy !== null}
                onClick={() => {
                  setBusy(entry.id)
                  restore(entry)
                    .then(reload, onError)
                    .finally(() => setBusy(null))
                }}
              >
                {busy === entry.id ? 'Restoring…' : 'Restore'}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
