/** Asks for an article's new slug (its file or bundle name) and renames it. */
import { useState } from 'react'
import { Modal } from './Modal'

/** Props: the article path, and `onRename` (which rejects with a FolioError to show). */
export interface RenameDialogProps {
  path: string
  onRename: (slug: string) => Promise<void>
  onCancel: () => void
}

/** The slug an article path has now: its file name, or its folder for a page bundle. */
export function slugOfPath(path: string): string {
  const parts = path.split('/')
  const file = (parts.pop() ?? path).replace(/\.(md|markdown|mdx)$/i, '')
  const name =
    (file === 'index' || file === '_index') && parts.length > 0 ? (parts.pop() as string) : file
  return name.replace(/^\d{4}-\d{2}-\d{2}-/, '')
}

/** The "Rename" dialog; links from other articles are updated by the backend. */
export function RenameDialog({ path, onRename, onCancel }: RenameDialogProps) {
  const [slug, setSlug] = useState(() => slugOfPath(path))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (!slug.trim() || busy) return
    setBusy(true)
    setError(null)
    try {
      await onRename(slug.trim())
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }
  return (
    <Modal title="Rename article" onDismiss={onCancel} testId="rename-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <p className="modal-lead">
          <code>{path}</code> gets a new file name and address. Links to it from other articles are
          updated.
        </p>
        <label className="field">
          <span>Slug</span>
          <input
            data-testid="rename-slug"
            value={slug}
            onChange={(event) => setSlug(event.target.value)}
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
            data-testid="rename-confirm"
            disabled={!slug.trim() || busy}
          >
            {busy ? 'Renaming…' : 'Rename'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
