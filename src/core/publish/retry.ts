/**
 * Retrying what a flaky network broke: which errors are worth another try, and the backoff.
 */
import { FolioError } from '../errors'

/** How often and how patiently to retry a transient failure. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

/** The default: four tries, waiting 0.5 s, 1 s, 2 s in between. */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
}

const transientCodes = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
])

const transientNames = new Set([
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'SlowDown',
  'InternalError',
  'ServiceUnavailable',
  'TimeoutError',
  'NetworkingError',
])

const transientMessage =
  /socket hang up|FIN packet|ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|not connected|connection closed|client is closed|no response|timed out|timeout|channel open failure|connection lost|fetch failed|closed by|unexpected end|premature close/i

/** Whether an error looks like a dropped connection or an overloaded server (worth a retry). */
export function isTransientError(err: unknown): boolean {
  if (err instanceof FolioError) return err.code === 'network'
  if (typeof err !== 'object' || err === null) return false
  const e = err as {
    code?: unknown
    name?: unknown
    message?: unknown
    cause?: unknown
    $metadata?: { httpStatusCode?: number }
    statusCode?: number
  }
  if (typeof e.code === 'string' && transientCodes.has(e.code)) return true
  // FTP: 421 service closing, 425/426 data connection trouble, 450/451 temporary local errors.
  if (typeof e.code === 'number' && [421, 425, 426, 450, 451].includes(e.code)) return true
  if (typeof e.name === 'string' && transientNames.has(e.name)) return true
  const status = e.$metadata?.httpStatusCode ?? e.statusCode
  if (typeof status === 'number' && (status >= 500 || status === 429 || status === 408)) return true
  if (typeof e.message === 'string' && transientMessage.test(e.message)) return true
  return e.cause !== undefined && e.cause !== err && isTransientError(e.cause)
}

/** Throws a 'cancelled' FolioError if the signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined, target: string): void {
  if (signal?.aborted) {
    throw new FolioError(
      'cancelled',
      `Publishing to "${target}" was cancelled; publish again to resume.`,
      {
        path: target,
      },
    )
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * Runs `task`, retrying transient failures with exponential backoff; `beforeRetry` runs before each
 * new try (to drop a dead connection). Other errors, and the last transient one, are rethrown.
 */
export async function withRetry<T>(
  task: () => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  beforeRetry?: () => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task()
    } catch (err) {
      if (attempt >= policy.attempts || signal?.aborted || !isTransientError(err)) throw err
      await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)), signal)
      if (signal?.aborted) throw err
      await beforeRetry?.()
    }
  }
}
