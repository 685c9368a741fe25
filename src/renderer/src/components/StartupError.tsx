/** Shown instead of the app when it cannot reach its backend at all. */
import type { FolioError } from '../../../core/errors'

/** A full-window explanation of why Folio could not start, with what to do. */
export function StartupError({ error }: { error: FolioError }) {
  return (
    <div className="startup-error" role="alert">
      <h1>Folio could not start</h1>
      <p>{error.message}</p>
    </div>
  )
}
