/**
 * A dialog that asks for one line of text and runs an action with it: the action's error (a
 * FolioError message) stays in the dialog, and the field keeps what the author typed.
 */
import { useState, type ReactNode } from 'react'
import { Modal } from './Modal'

export interface TextFieldDialogProps {
  title: string
  testId: string
  label: string
  initialValue?: string
  placeholder?: string
  spellCheck?: boolean
  /** Shown above the field. */
  lead?: ReactNode
  fieldTestId: string
  submitTestId: string
  submitLabel: string
  busyLabel: string
  /** Runs with the trimmed text; rejects with an error to show. */
  onSubmit: (value: string) => Promise<void>
  onCancel: () => void
}

export function TextFieldDialog(props: TextFieldDialogProps) {
  const [value, setValue] = useState(props.initialValue ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (!value.trim() || busy) return
    setBusy(true)
    setError(null)
    try {
      await props.onSubmit(value.trim())
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }
  return (
    <Modal title={props.title} onDismiss={props.onCancel} testId={props.testId}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        {props.lead && <p className="modal-lead">{props.lead}</p>}
        <label className="field">
          <span>{props.label}</span>
          <input
            data-testid={props.fieldTestId}
            value={value}
            spellCheck={props.spellCheck}
            placeholder={props.placeholder}
            onChange={(event) => setValue(event.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid={props.submitTestId}
            disabled={!value.trim() || busy}
          >
            {busy ? props.busyLabel : props.submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  )
}
