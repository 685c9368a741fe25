/**
 * The one error a failed publish ends with, naming the file and the cause.
 */
import { FolioError, isFolioError } from '../errors'
import { isTransientError } from './retry'

const passThrough = new Set(['auth', 'host-key', 'config', 'not-found'])

/**
 * Turns whatever stopped a publish into its final FolioError: 'cancelled', 'auth', 'host-key',
 * 'config' pass through (with the file added); a dropped connection becomes 'network'; anything
 * else 'publish-failed'. `action` says what was going on ("uploading"), `file` which file.
 */
export function publishError(
  err: unknown,
  target: string,
  file: string | undefined,
  action: string,
): FolioError {
  const where = file ? `${action} "${file}"` : action
  const subject = file ?? target
  if (isFolioError(err) && err.code === 'cancelled') return err
  if (isFolioError(err) && passThrough.has(err.code)) {
    return file
      ? new FolioError(err.code, `${err.message} (while ${where})`, { path: subject })
      : err
  }
  const cause = (err instanceof Error ? err.message : String(err)).replace(/\.\s*$/, '')
  if (isTransientError(err)) {
    return new FolioError(
      'network',
      `The connection to "${target}" failed while ${where}: ${cause}. Publish again to resume; files already sent are not sent twice.`,
      { path: subject },
    )
  }
  if (isFolioError(err) && !file) {
    return new FolioError('publish-failed', err.message, { path: err.path ?? target })
  }
  return new FolioError(
    'publish-failed',
    `Publishing to "${target}" failed while ${where}: ${cause}.`,
    {
      path: subject,
    },
  )
}
