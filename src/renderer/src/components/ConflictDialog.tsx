/** The choice after a save found the file changed on disk: both versions side by side. */
import type { ConflictSnapshot } from '../state/editorSession'
import { Modal } from './Modal'

/** Props: the conflict and what each choice does. */
export interface ConflictDialogProps {
  conflict: ConflictSnapshot
  onKeepMine: () => void
  onTakeTheirs: () => void
  /** Writes the editor's text as a second article, then takes the disk version. */
  onKeepBoth: () => void
}

/** Shows the editor's text and the disk's text; the author picks one, never silently. */
export function ConflictDialog(props: ConflictDialogProps) {
  const { conflict, onKeepMine, onTakeTheirs, onKeepBoth } = props
  const unreadable = conflict.diskProblem !== undefined
  const deleted = conflict.diskText === null && !unreadable
  return (
    <Modal title="This article changed on disk" wide testId="conflict-dialog">
      <p className="modal-lead">
        <code>{conflict.path}</code>{' '}
        {unreadable
          ? 'was changed by another program into a file Folio cannot show as text. ' +
            'Keep both saves your version as a copy beside it and leaves that file as it is.'
          : deleted
            ? 'was deleted by another program while you were editing it.'
            : 'was changed by another program since you opened it. Which version should stay?'}
      </p>
      <div className="conflict-columns">
        <section>
          <h3>Your version (in the editor)</h3>
          <pre data-testid="conflict-mine">{conflict.mine}</pre>
        </section>
        <section>
          <h3>On disk</h3>
          <pre data-testid="conflict-theirs">
            {unreadable ? conflict.diskProblem : deleted ? '(deleted)' : conflict.diskText}
          </pre>
        </section>
      </div>
      <div className="modal-actions">
        <button
          type="button"
          className="button"
          data-testid="conflict-take-theirs"
          onClick={onTakeTheirs}
        >
          {deleted || unreadable ? 'Close the article' : 'Take the disk version'}
        </button>
        <button
          type="button"
          className="button"
          data-testid="conflict-keep-both"
          title="Save your version as a copy beside the article, and load the disk version"
          onClick={onKeepBoth}
        >
          Keep both
        </button>
        {/* Writing over a file that cannot be shown would lose it unseen: only a copy is offered. */}
        {!unreadable && (
          <button
            type="button"
            className="button primary"
            data-testid="conflict-keep-mine"
            onClick={onKeepMine}
          >
            {deleted ? 'Save mine again' : 'Keep mine'}
          </button>
        )}
      </div>
    </Modal>
  )
}
