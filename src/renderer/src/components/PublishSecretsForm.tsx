/**
 * The credentials of one publish target (password, token, key, ...): write-only fields that go
 * straight to `setSecret`. A stored value is never read back, shown or logged; the field is
 * emptied as soon as it has been sent.
 */
import { useState } from 'react'
import type { FolioApi } from '../../../core/api'
import { toFolioError } from '../../../core/errors'

/** Props: the API, the target's name and the secret names its type takes. */
export interface PublishSecretsFormProps {
  api: FolioApi
  target: string
  secretKeys: string[]
}

type KeyStatus = { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }

const labels: Record<string, string> = {
  password: 'Password',
  privateKey: 'Private key file',
  passphrase: 'Key passphrase',
  token: 'Access token',
  accessKeyId: 'Access key ID',
  secretAccessKey: 'Secret access key',
  sessionToken: 'Session token',
}

/** Secrets that are files (a PEM key has line breaks a password field would strip). */
const fileKeys = new Set(['privateKey'])

/** The collapsible credentials form; renders nothing for a target without secrets. */
export function PublishSecretsForm({ api, target, secretKeys }: PublishSecretsFormProps) {
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<Record<string, KeyStatus>>({})
  if (secretKeys.length === 0) return null

  const store = async (key: string, value: string) => {
    // NOTE: the value leaves component state before the call, so nothing keeps a copy of it.
    setDrafts((all) => ({ ...all, [key]: '' }))
    setStatus((all) => ({ ...all, [key]: { kind: 'saving' } }))
    try {
      await api.setSecret({ target, key, value })
      setStatus((all) => ({ ...all, [key]: { kind: 'saved' } }))
    } catch (err) {
      const message = toFolioError(err, target).message
      setStatus((all) => ({ ...all, [key]: { kind: 'failed', message } }))
    }
  }

  const readKeyFile = async (key: string, file: File | undefined) => {
    if (!file) return
    await store(key, await file.text())
  }

  return (
    <details className="publish-secrets" data-testid="publish-secrets">
      <summary>Credentials</summary>
      <p className="publish-hint">
        Stored in your system keychain, never in folio.yaml. Saved values are not shown again.
      </p>
      {secretKeys.map((key) => {
        const state = status[key]
        const id = `secret-${target}-${key}`
        return (
          <div className="publish-secret" key={key} data-testid="secret-field" data-key={key}>
            <label htmlFor={id}>{labels[key] ?? key}</label>
            {fileKeys.has(key) ? (
              <input
                id={id}
                type="file"
                data-testid="secret-file"
                disabled={state?.kind === 'saving'}
                onChange={(event) => {
                  const input = event.currentTarget
                  void readKeyFile(key, input.files?.[0]).finally(() => (input.value = ''))
                }}
              />
            ) : (
              <form
                className="publish-secret-row"
                onSubmit={(event) => {
                  event.preventDefault()
                  const value = drafts[key] ?? ''
                  if (value !== '') void store(key, value)
                }}
              >
                <input
                  id={id}
                  type="password"
                  autoComplete="new-password"
                  spellCheck={false}
                  data-testid="secret-input"
                  value={drafts[key] ?? ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value
                    setDrafts((all) => ({ ...all, [key]: value }))
                  }}
                />
                <button
                  type="submit"
                  className="button small"
                  data-testid="secret-save"
                  disabled={!drafts[key] || state?.kind === 'saving'}
                >
                  Save
                </button>
              </form>
            )}
            {state && state.kind !== 'saving' && (
              <div
                className={state.kind === 'saved' ? 'publish-ok' : 'target-error'}
                role={state.kind === 'failed' ? 'alert' : undefined}
                data-testid="secret-status"
              >
                {state.kind === 'saved' ? 'Saved.' : state.message}
              </div>
            )}
          </div>
        )
      })}
    </details>
  )
}
