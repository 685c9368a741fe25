/**
 * One publish target in the drawer: Publish (a dry run showing what would change, then the real
 * publish after the author confirms), live progress with Cancel, the result or the error with its
 * file, Test connection, the host-key question for a new SFTP server, and the credentials form.
 */
import { useEffect, useRef, useState } from 'react'
import type {
  ConnectionTestResult,
  FolioApi,
  PublishProgressEvent,
  PublishReport,
  PublishTargetSummary,
} from '../../../core/api'
import { toFolioError } from '../../../core/errors'
import type { FolioErrorData } from '../../../core/errors'
import { addRateSample, formatBytes, formatDuration, type RateSample } from './PublishFigures'
import { PublishHostKeyPrompt, unknownHostKeyFingerprint } from './PublishHostKeyPrompt'
import { PublishProgressView } from './PublishProgressView'
import { PublishSecretsForm } from './PublishSecretsForm'

/** What the card is doing: each step is a value, replaced whole on every transition. */
type Step =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'confirm'; plan: PublishReport }
  | {
      step: 'publishing'
      progress: PublishProgressEvent | null
      samples: RateSample[]
      cancelling: boolean
    }
  | { step: 'done'; report: PublishReport; progress: PublishProgressEvent | null }
  | { step: 'failed'; error: FolioErrorData }
  /** An unknown SSH host key: `retry` is what to run again once the author trusts it. */
  | { step: 'host-key'; fingerprint: string; retry: 'check' | 'test' }

type Connection =
  | { state: 'testing' }
  | { state: 'ok'; result: ConnectionTestResult }
  | { state: 'failed'; error: FolioErrorData }

/** Props: the API, the target, the save-before-publish hook, and a callback after each publish. */
export interface PublishTargetCardProps {
  api: FolioApi
  target: PublishTargetSummary
  beforePublish: () => Promise<void>
  /** Called when a real publish ended (published, failed or cancelled): the history changed. */
  onFinished: () => void
}

function planSummary(report: PublishReport): string {
  return `${report.added.length} new · ${report.changed.length} changed · ${report.removed.length} removed · ${formatBytes(report.bytes)} to upload`
}

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location)
}

/** The card for one target; it owns that target's publish state. */
export function PublishTargetCard({
  api,
  target,
  beforePublish,
  onFinished,
}: PublishTargetCardProps) {
  const name = target.name
  const [state, setState] = useState<Step>({ step: 'idle' })
  const [connection, setConnection] = useState<Connection | null>(null)
  /** Set once the author trusted this target's host key, for the calls that follow. */
  const trusted = useRef(false)

  useEffect(
    () =>
      api.on('publishProgress', (event) => {
        if (event.target !== name) return
        setState((current) =>
          current.step === 'publishing'
            ? {
                ...current,
                progress: event,
                samples:
                  event.phase === 'uploading'
                    ? addRateSample(current.samples, {
                        at: performance.now(),
                        bytes: event.bytesDone,
                      })
                    : current.samples,
              }
            : current,
        )
      }),
    [api, name],
  )

  const failed = (err: unknown, retry: 'check' | 'test'): Step => {
    const error = toFolioError(err, name).toJSON()
    const fingerprint = error.code === 'host-key' ? unknownHostKeyFingerprint(error.message) : null
    return fingerprint ? { step: 'host-key', fingerprint, retry } : { step: 'failed', error }
  }

  const check = async () => {
    setState({ step: 'checking' })
    setConnection(null)
    try {
      await beforePublish()
      const plan = await api.publishSite({
        target: name,
        dryRun: true,
        trustHostKey: trusted.current,
      })
      setState({ step: 'confirm', plan })
    } catch (err) {
      setState(failed(err, 'check'))
    }
  }

  const publish = async () => {
    setState({ step: 'publishing', progress: null, samples: [], cancelling: false })
    try {
      const report = await api.publishSite({ target: name, trustHostKey: trusted.current })
      setState((current) => ({
        step: 'done',
        report,
        progress: current.step === 'publishing' ? current.progress : null,
      }))
    } catch (err) {
      setState(failed(err, 'check'))
    } finally {
      onFinished()
    }
  }

  const cancel = async () => {
    setState((current) =>
      current.step === 'publishing' ? { ...current, cancelling: true } : current,
    )
    try {
      await api.cancelPublish({ target: name })
    } catch (err) {
      setState({ step: 'failed', error: toFolioError(err, name).toJSON() })
    }
  }

  const test = async () => {
    setConnection({ state: 'testing' })
    try {
      const result = await api.testConnection({ target: name, trustHostKey: trusted.current })
      setConnection({ state: 'ok', result })
    } catch (err) {
      const next = failed(err, 'test')
      if (next.step === 'host-key') {
        setConnection(null)
        setState(next)
      } else if (next.step === 'failed') setConnection({ state: 'failed', error: next.error })
    }
  }

  const trust = (retry: 'check' | 'test') => {
    trusted.current = true
    setState({ step: 'idle' })
    void (retry === 'check' ? check() : test())
  }

  const busy = state.step === 'checking' || state.step === 'publishing'
  return (
    <div className="target" data-testid="publish-target" data-target={name} data-step={state.step}>
      <div className="target-head">
        <div>
          <div className="target-name">{name}</div>
          <div className="target-location">
            {target.type} · {target.location}
          </div>
        </div>
        {state.step !== 'confirm' && state.step !== 'host-key' && (
          <button
            type="button"
            className="button primary"
            data-testid="publish-button"
            disabled={busy}
            onClick={() => void check()}
          >
            {state.step === 'checking'
              ? 'Checking…'
              : state.step === 'publishing'
                ? 'Publishing…'
                : 'Publish'}
          </button>
        )}
      </div>

      {state.step === 'checking' && (
        <div className="progress-label" data-testid="publish-checking">
          Building the site and comparing it with what is online…
        </div>
      )}

      {state.step === 'confirm' && (
        <div className="target-plan" data-testid="publish-plan">
          {state.plan.added.length + state.plan.changed.length + state.plan.removed.length === 0 ? (
            <p>Everything is already published: nothing would be uploaded or removed.</p>
          ) : (
            <>
              <p data-testid="publish-plan-summary">{planSummary(state.plan)}</p>
              <PlanFiles plan={state.plan} />
            </>
          )}
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="publish-confirm"
              onClick={() => void publish()}
            >
              Publish now
            </button>
          </div>
        </div>
      )}

      {state.step === 'publishing' && (
        <PublishProgressView
          progress={state.progress}
          samples={state.samples}
          cancelling={state.cancelling}
          onCancel={() => void cancel()}
        />
      )}

      {state.step === 'done' && (
        <>
          <PublishProgressView progress={state.progress} samples={[]} />
          <div className="target-result" data-testid="publish-result">
            Published {state.report.added.length} new, {state.report.changed.length} changed,{' '}
            {state.report.removed.length} removed ({formatBytes(state.report.bytes)}) in{' '}
            {formatDuration(state.report.durationMs)}. The site is now at{' '}
            {isUrl(state.report.location) ? (
              <a
                href={state.report.location}
                target="_blank"
                rel="noreferrer"
                data-testid="publish-location"
              >
                {state.report.location}
              </a>
            ) : (
              <code data-testid="publish-location">{state.report.location}</code>
            )}
            .
          </div>
        </>
      )}

      {state.step === 'failed' && (
        <div
          className={state.error.code === 'cancelled' ? 'publish-cancelled' : 'target-error'}
          role="alert"
          data-testid="publish-error"
          data-code={state.error.code}
        >
          {state.error.message}
          {state.error.path && state.error.path !== name && (
            <div className="publish-error-file">
              File: <code data-testid="publish-error-file">{state.error.path}</code>
              {state.error.line ? `, line ${state.error.line}` : ''}
            </div>
          )}
        </div>
      )}

      {state.step === 'host-key' && (
        <PublishHostKeyPrompt
          fingerprint={state.fingerprint}
          location={target.location}
          onTrust={() => trust(state.retry)}
          onReject={() => setState({ step: 'idle' })}
        />
      )}

      <div className="publish-tools">
        <button
          type="button"
          className="button small"
          data-testid="test-connection"
          disabled={busy || connection?.state === 'testing'}
          onClick={() => void test()}
        >
          {connection?.state === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        {connection && connection.state !== 'testing' && (
          <span
            className={connection.state === 'ok' ? 'publish-ok' : 'target-error'}
            data-testid="connection-result"
            data-state={connection.state}
          >
            {connection.state === 'ok'
              ? `Connected${connection.result.remoteFiles === null ? '' : `: ${connection.result.remoteFiles} file(s) online`}.`
              : connection.error.message}
          </span>
        )}
      </div>
      <PublishSecretsForm api={api} target={name} secretKeys={target.secretKeys} />
    </div>
  )
}

/** The files a dry run found, folded away under the summary. */
function PlanFiles({ plan }: { plan: PublishReport }) {
  const groups: [string, string[]][] = [
    ['New', plan.added],
    ['Changed', plan.changed],
    ['Removed', plan.removed],
  ]
  return (
    <details className="publish-plan-files">
      <summary>Show files</summary>
      {groups
        .filter(([, files]) => files.length > 0)
        .map(([label, files]) => (
          <div key={label}>
            <div className="publish-plan-group">{label}</div>
            <ul>
              {files.map((file) => (
                <li key={file}>
                  <code>{file}</code>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </details>
  )
}
