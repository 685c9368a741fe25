import { describe, expect, it } from 'vitest'
import { FolioError } from '../../../src/core/errors'
import { isTransientError, withRetry } from '../../../src/core/publish/retry'

const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }

describe('isTransientError', () => {
  it('retries dropped connections and overloaded servers, not refusals', () => {
    expect(
      isTransientError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
    ).toBe(true)
    expect(isTransientError({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } })).toBe(true)
    expect(
      isTransientError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    ).toBe(true)
    expect(isTransientError(new FolioError('auth', 'The server refused the login.'))).toBe(false)
    expect(isTransientError({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(
      false,
    )
    expect(isTransientError(new Error('No such file'))).toBe(false)
  })
})

describe('withRetry', () => {
  it('tries again after a transient failure and reconnects in between', async () => {
    let calls = 0
    let resets = 0
    const value = await withRetry(
      async () => {
        calls++
        if (calls < 3) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
        return 'ok'
      },
      fast,
      undefined,
      async () => {
        resets++
      },
    )
    expect(value).toBe('ok')
    expect(calls).toBe(3)
    expect(resets).toBe(2)
  })

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0
    const failing = withRetry(
      async () => {
        calls++
        throw Object.assign(new Error(`drop ${calls}`), { code: 'ETIMEDOUT' })
      },
      fast,
      undefined,
    )
    await expect(failing).rejects.toThrow('drop 3')
  })

  it('does not retry a permanent failure', async () => {
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw new FolioError('auth', 'no')
        },
        fast,
        undefined,
      ),
    ).rejects.toMatchObject({ code: 'auth' })
    expect(calls).toBe(1)
  })
})
