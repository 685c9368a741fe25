/** Web mode's "Open folder": the browser cannot show a folder picker, so the path is typed. */
import { useState } from 'react'
import { Modal } from './Modal'

/** Props: `onOpen` opens the workspace at a path (and rejects with a FolioError to show). */
export interface OpenFolderDialogProps {
  initialPath: string
  onOpen: (path: string) => Promise<void>
  onCancel: () => void
}

/** A dialog with a path field; the error of a failed open stays in the dialog. */
export function OpenFolderDialog({ initialPath, onOpen, onCancel }: OpenFolderDialogProps) {
  const [path, setPath] = useState(initialPath)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (!path.trim() || busy) return
    setBusy(true)
    setError(null)
    try {
      await onOpen(path.trim())
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }
  return (
    <Modal title="Open a blog folder" onDismiss={onCancel} testId="open-folder-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>Folder path on this computer</span>
          <input
            data-testid="open-folder-path"
            value={path}
            spellCheck={false}
            placeholder="/home/me/blog"
            onChange={(event) => setPath(event.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="open-folder-submit"
            disabled={busy}
          >
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
