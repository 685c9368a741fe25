/**
 * The publish history: every real publish the workspace recorded (when, which target, what
 * changed, how it ended), newest first.
 */
import { useEffect, useState } from 'react'
import type { FolioApi, PublishHistoryEntry } from '../../../core/api'
import { toFolioError } from '../../../core/errors'
import type { FolioErrorData } from '../../../core/errors'
import { formatBytes, formatDuration } from './PublishFigures'

/** Props: the API, and a number that changes whenever a publish finished (to reload). */
export interface PublishHistoryProps {
  api: FolioApi
  refreshKey: number
}

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; entries: PublishHistoryEntry[] }
  | { state: 'failed'; error: FolioErrorData }

const resultLabels: Record<PublishHistoryEntry['result'], string> = {
  ok: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

function when(at: string): string {
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString()
}

/** The history list, loaded from `getPublishHistory` on mount and on every `refreshKey` change. */
export function PublishHistory({ api, refreshKey }: PublishHistoryProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    let current = true
    api.getPublishHistory({}).then(
      (entries) => {
        if (current) setLoaded({ state: 'ready', entries })
      },
      (err: unknown) => {
        if (current) setLoaded({ state: 'failed', error: toFolioError(err).toJSON() })
      },
    )
    return () => {
      current = false
    }
  }, [api, refreshKey])

  if (loaded.state === 'loading') return <p className="drawer-empty">Loading the history…</p>
  if (loaded.state === 'failed') {
    return (
      <p className="target-error" role="alert" data-testid="publish-history-error">
        {loaded.error.message}
      </p>
    )
  }
  if (loaded.entries.length === 0) {
    return (
      <p className="drawer-empty" data-testid="publish-history">
        Nothing has been published from this workspace yet.
      </p>
    )
  }
  return (
    <ol className="publish-history" data-testid="publish-history">
      {loaded.entries.map((entry, index) => (
        <li
          key={`${entry.at}-${entry.target}-${index}`}
          className={`publish-history-entry ${entry.result}`}
          data-testid="history-entry"
          data-target={entry.target}
          data-result={entry.result}
        >
          <div className="publish-history-head">
            <span className="publish-history-result">{resultLabels[entry.result]}</span>
            <span className="target-name">{entry.target}</span>
            <time dateTime={entry.at}>{when(entry.at)}</time>
          </div>
          <div className="progress-label">
            {entry.added} new · {entry.changed} changed · {entry.removed} removed ·{' '}
            {formatBytes(entry.bytes)} · {formatDuration(entry.durationMs)}
          </div>
          {entry.error && (
            <div className="target-error" data-testid="history-error">
              {entry.error.message}
              {entry.error.path && entry.error.path !== entry.target && (
                <>
                  {' '}
                  (<code>{entry.error.path}</code>)
                </>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  )
}
