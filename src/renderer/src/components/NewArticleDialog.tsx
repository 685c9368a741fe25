/** Asks for the title of a new article and creates it. */
import { useState } from 'react'
import { Modal } from './Modal'

/** Props: `onCreate` creates the article (and rejects with a FolioError to show). */
export interface NewArticleDialogProps {
  onCreate: (title: string) => Promise<void>
  onCancel: () => void
}

/** The "New article" dialog: a title field, Create and Cancel; errors stay in the dialog. */
export function NewArticleDialog({ onCreate, onCancel }: NewArticleDialogProps) {
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (!title.trim() || busy) return
    setBusy(true)
    setError(null)
    try {
      await onCreate(title.trim())
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }
  return (
    <Modal title="New article" onDismiss={onCancel} testId="new-article-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>Title</span>
          <input
            data-testid="new-article-title"
            value={title}
            placeholder="What is it about?"
            onChange={(event) => setTitle(event.target.value)}
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
            data-testid="new-article-create"
            disabled={!title.trim() || busy}
          >
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
