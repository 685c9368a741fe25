/** Picks the transport for this window: Electron's preload bridge, else the web mode's HTTP. */
import type { FolioApi } from '../../../core/api'
import { FolioError } from '../../../core/errors'
import { createFolioApi } from './createFolioApi'
import { createWebBridge, readWebToken } from './webBridge'

let cached: FolioApi | null = null

/**
 * Returns the one FolioApi of this window: `window.folio` when the desktop preload provided it,
 * otherwise the web bridge using the page's token. Throws a FolioError when neither is available.
 */
export function getFolioApi(): FolioApi {
  if (cached) return cached
  if (window.folio) {
    cached = createFolioApi(window.folio)
    return cached
  }
  const token = readWebToken(window.location, window.sessionStorage)
  if (!token) {
    throw new FolioError(
      'forbidden',
      'This page was opened without its access token: open the full address printed by `folio web`.',
    )
  }
  cached = createFolioApi(createWebBridge({ token }))
  return cached
}
