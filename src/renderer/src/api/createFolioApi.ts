/** Turns a FolioBridge (results as data) into a FolioApi (values, or a thrown FolioError). */
import { apiMethods } from '../../../core/api'
import type { ApiMethod, FolioApi, FolioBridge } from '../../../core/api'
import { FolioError } from '../../../core/errors'

/**
 * Wraps a bridge so each method resolves to its value and rejects with the FolioError the backend
 * reported; events are passed through unchanged.
 */
export function createFolioApi(bridge: FolioBridge): FolioApi {
  const api: Record<string, unknown> = {}
  for (const method of apiMethods) {
    api[method] = async (input: unknown) => {
      const call = bridge[method] as (input: unknown) => ReturnType<FolioBridge[ApiMethod]>
      const result = await call(input)
      if (!result.ok) throw FolioError.fromData(result.error)
      return result.value
    }
  }
  api.on = bridge.on.bind(bridge)
  return api as FolioApi
}
