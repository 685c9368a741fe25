/** After a crash: the unsaved edits found in the journal, each to restore or discard. */
import { useState } from 'react'
import type { JournalEntry } from '../../../core/api'
import { Modal } from './Modal'

/** Props: the journal entries and what each choice does (both may reject with a FolioError). */
export interface JournalPromptProps {
  entries: readonly JournalEntry[]
  onRestore: (entry: JournalEntry) => Promise<void>
  onDiscard: (entry: JournalEntry) => Promise<void>
}

function preview(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim())
  return lines.slice(-3).join('\n')
}

/** One row per entry with its path, when it was written and its last lines. */
export function JournalPrompt({ entries, onRestore, onDiscard }: JournalPromptProps) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const act = (entry: JournalEntry, action: (entry: JournalEntry) => Promise<void>) => {
    setBusy(entry.path)
    setError(null)
    action(entry)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(null))
  }
  return (
    <Modal title="Unsaved edits were found" wide testId="journal-prompt">
      <p className="modal-lead">
        Folio closed before these edits were saved. Restore them to keep writing, or discard them to
        keep the file as it is on disk.
      </p>
      <ul className="journal-list">
        {entries.map((entry) => (
          <li
            key={entry.path}
            className="journal-entry"
            data-testid="journal-entry"
            data-path={entry.path}
          >
            <div className="journal-head">
              <code>{entry.path}</code>
              <span className="journal-time">
                edited {new Date(entry.savedAt).toLocaleString()}
              </span>
            </div>
            <pre className="journal-text">{preview(entry.text)}</pre>
            <div className="modal-actions">
              <button
                type="button"
                className="button"
                data-testid="journal-discard"
                disabled={busy !== null}
                onClick={() => act(entry, onDiscard)}
              >
                Discard
              </button>
              <button
                type="button"
                className="button primary"
                data-testid="journal-restore"
                disabled={busy !== null}
                onClick={() => act(entry, onRestore)}
              >
                Restore
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  )
}
