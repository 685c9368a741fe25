/** Messages for the author (errors, finished builds), stacked in a corner until dismissed. */
import type { FolioErrorData } from '../../../core/errors'

/** One message: an error (with its path and line) or an informational line. */
export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
  path?: string
  line?: number
}

/** Builds the notice for a FolioError's data. */
export function errorNotice(id: number, error: FolioErrorData): Notice {
  return { id, kind: 'error', text: error.message, path: error.path, line: error.line }
}

/** The notice stack. */
export function Notices({
  notices,
  onDismiss,
}: {
  notices: Notice[]
  onDismiss: (id: number) => void
}) {
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'error-notice' : 'info-notice'}
        >
          <div className="notice-text">
            {notice.text}
            {notice.path && (
              <span className="notice-path">
                {notice.path}
                {notice.line ? `:${notice.line}` : ''}
              </span>
            )}
          </div>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => onDismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
