/**
 * The publish drawer: one card per target from folio.yaml (publish, progress, result, test
 * connection, credentials) and the History view of past publishes.
 */
import { useState } from 'react'
import type { FolioApi, WorkspaceInfo } from '../../../core/api'
import { PublishHistory } from './PublishHistory'
import { PublishTargetCard } from './PublishTargetCard'

/** Props: the API, the workspace whose targets are listed, and how to close the drawer. */
export interface PublishPanelProps {
  /** Whether the drawer is shown; closed, it stays mounted so a running publish keeps its state. */
  open?: boolean
  api: FolioApi
  workspace: WorkspaceInfo
  onClose: () => void
  /** Saves unsaved articles before anything is built. */
  beforePublish: () => Promise<void>
}

/** The publish drawer. */
export function PublishPanel({
  open = true,
  api,
  workspace,
  onClose,
  beforePublish,
}: PublishPanelProps) {
  const [view, setView] = useState<'targets' | 'history'>('targets')
  const [historyVersion, setHistoryVersion] = useState(0)

  return (
    <aside className="drawer" aria-label="Publish" data-testid="publish-panel" hidden={!open}>
      <div className="drawer-head">
        <h2>Publish</h2>
        <button type="button" className="button ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="publish-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'targets'}
          className={view === 'targets' ? 'publish-tab on' : 'publish-tab'}
          data-testid="publish-tab-targets"
          onClick={() => setView('targets')}
        >
          Targets
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'history'}
          className={view === 'history' ? 'publish-tab on' : 'publish-tab'}
          data-testid="publish-tab-history"
          onClick={() => setView('history')}
        >
          History
        </button>
      </div>
      {/* NOTE: the cards stay mounted under History, so a running publish keeps its progress. */}
      <div hidden={view !== 'targets'}>
        {workspace.targets.length === 0 && (
          <p className="drawer-empty">
            No publish targets yet. Add one under <code>publish:</code> in <code>folio.yaml</code>.
          </p>
        )}
        {workspace.targets.map((target) => (
          <PublishTargetCard
            key={target.name}
            api={api}
            target={target}
            beforePublish={beforePublish}
            onFinished={() => setHistoryVersion((n) => n + 1)}
          />
        ))}
      </div>
      {open && view === 'history' && <PublishHistory api={api} refreshKey={historyVersion} />}
    </aside>
  )
}
