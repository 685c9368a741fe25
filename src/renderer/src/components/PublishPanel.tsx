/**
 * The publish drawer: one row per target. Publishing first does a dry run and shows what would
 * change; the author confirms; progress comes from `publishProgress` events.
 */
import { useEffect, useState } from 'react'
import type {
  FolioApi,
  PublishProgressEvent,
  PublishReport,
  WorkspaceInfo,
} from '../../../core/api'
import { toFolioError } from '../../../core/errors'
import type { FolioErrorData } from '../../../core/errors'

type TargetState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'confirm'; plan: PublishReport }
  | { step: 'publishing'; progress: PublishProgressEvent | null }
  | { step: 'done'; report: PublishReport }
  | { step: 'failed'; error: FolioErrorData }

/** Props: the API, the workspace whose targets are listed, and how to close the drawer. */
export interface PublishPanelProps {
  api: FolioApi
  workspace: WorkspaceInfo
  onClose: () => void
  /** Saves unsaved articles before anything is built. */
  beforePublish: () => Promise<void>
}

function summary(report: PublishReport): string {
  return `${report.added.length} new, ${report.changed.length} changed, ${report.removed.length} removed`
}

/** The publish drawer. */
export function PublishPanel({ api, workspace, onClose, beforePublish }: PublishPanelProps) {
  const [states, setStates] = useState<Record<string, TargetState>>({})
  const set = (target: string, state: TargetState) =>
    setStates((all) => ({ ...all, [target]: state }))

  useEffect(
    () =>
      api.on('publishProgress', (event) =>
        setStates((all) =>
          all[event.target]?.step === 'publishing'
            ? { ...all, [event.target]: { step: 'publishing', progress: event } }
            : all,
        ),
      ),
    [api],
  )

  const check = async (target: string) => {
    set(target, { step: 'checking' })
    try {
      await beforePublish()
      const plan = await api.publishSite({ target, dryRun: true })
      set(target, { step: 'confirm', plan })
    } catch (err) {
      set(target, { step: 'failed', error: toFolioError(err, target).toJSON() })
    }
  }
  const publish = async (target: string) => {
    set(target, { step: 'publishing', progress: null })
    try {
      const report = await api.publishSite({ target })
      set(target, { step: 'done', report })
    } catch (err) {
      set(target, { step: 'failed', error: toFolioError(err, target).toJSON() })
    }
  }

  return (
    <aside className="drawer" aria-label="Publish" data-testid="publish-panel">
      <div className="drawer-head">
        <h2>Publish</h2>
        <button type="button" className="button ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {workspace.targets.length === 0 && (
        <p className="drawer-empty">
          No publish targets yet. Add one under <code>publish:</code> in <code>folio.yaml</code>.
        </p>
      )}
      {workspace.targets.map((target) => {
        const state = states[target.name] ?? { step: 'idle' }
        const busy = state.step === 'checking' || state.step === 'publishing'
        return (
          <div
            className="target"
            key={target.name}
            data-testid="publish-target"
            data-target={target.name}
          >
            <div className="target-head">
              <div>
                <div className="target-name">{target.name}</div>
                <div className="target-location">
                  {target.type} · {target.location}
                </div>
              </div>
              {state.step !== 'confirm' && (
                <button
                  type="button"
                  className="button primary"
                  data-testid="publish-button"
                  disabled={busy}
                  onClick={() => void check(target.name)}
                >
                  {state.step === 'checking'
                    ? 'Checking…'
                    : state.step === 'publishing'
                      ? 'Publishing…'
                      : 'Publish'}
                </button>
              )}
            </div>
            {state.step === 'confirm' && (
              <div className="target-plan" data-testid="publish-plan">
                <p>
                  {state.plan.added.length +
                    state.plan.changed.length +
                    state.plan.removed.length ===
                  0
                    ? 'Everything is already published.'
                    : `This will upload ${summary(state.plan)}.`}
                </p>
                <div className="modal-actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => set(target.name, { step: 'idle' })}
                  >
                    Cancel
                  </button>
                  <button
                    type="button"
                    className="button primary"
                    data-testid="publish-confirm"
                    onClick={() => void publish(target.name)}
                  >
                    Publish now
                  </button>
                </div>
              </div>
            )}
            {state.step === 'publishing' && (
              <div className="target-progress">
                <progress
                  data-testid="publish-progress"
                  max={Math.max(1, state.progress?.filesTotal ?? 1)}
                  value={state.progress?.filesDone ?? 0}
                />
                <span className="progress-label">
                  {state.progress
                    ? `${state.progress.phase} ${state.progress.filesDone}/${state.progress.filesTotal}${state.progress.currentFile ? ` · ${state.progress.currentFile}` : ''}`
                    : 'Starting…'}
                </span>
              </div>
            )}
            {state.step === 'done' && (
              <div className="target-result" data-testid="publish-result">
                Published: {summary(state.report)} in {(state.report.durationMs / 1000).toFixed(1)}{' '}
                s to <code>{state.report.location}</code>
              </div>
            )}
            {state.step === 'failed' && (
              <div className="target-error" role="alert" data-testid="publish-error">
                {state.error.message}
              </div>
            )}
          </div>
        )
      })}
    </aside>
  )
}
