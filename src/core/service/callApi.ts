/**
 * Validates a raw request against the API schema and runs its handler, turning every failure into
 * an `ApiResult` error value. Both adapters (IPC, HTTP) call this and nothing else.
 */
import { apiInputs, type ApiMethod, type ApiResult } from '../api'
import { FolioError, toFolioError } from '../errors'
import type { Handlers } from './handlers'

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiInputs, name)
}

export async function callApi(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return {
      ok: false,
      error: new FolioError('invalid-argument', `Unknown request "${method}".`).toJSON(),
    }
  }
  const parsed = apiInputs[method].safeParse(rawInput ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
    return {
      ok: false,
      error: new FolioError(
        'invalid-argument',
        `Invalid arguments for ${method}${where}: ${issue?.message ?? 'rejected'}.`,
      ).toJSON(),
    }
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (err) {
    return { ok: false, error: toFolioError(err).toJSON() }
  }
}
