/**
 * `folio-asset://workspace/<path>`: how the renderer loads workspace images. Confined to the open
 * workspace (the service resolves and rejects escapes) and to image, media and font files.
 */
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { isServableAsset } from '../server/staticFiles'
import type { FolioService } from '../core/service'

export const assetScheme = 'folio-asset'

/** Must run before the app is ready. */
export function registerAssetScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: assetScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function handleAssetProtocol(service: FolioService): void {
  protocol.handle(assetScheme, async (request) => {
    const url = new URL(request.url)
    const rel = decodeURIComponent(url.pathname.replace(/^\/+/, ''))
    if (url.hostname !== 'workspace' || !isServableAsset(rel)) {
      return new Response('Forbidden', { status: 403 })
    }
    try {
      const file = await service.resolveWorkspaceFile(rel)
      const response = await net.fetch(pathToFileURL(file).toString())
      const headers = new Headers(response.headers)
      headers.set('X-Content-Type-Options', 'nosniff')
      if (rel.toLowerCase().endsWith('.svg'))
        headers.set(
          'Content-Security-Policy',
          "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        )
      return new Response(response.body, { status: response.status, headers })
    } catch (err) {
      return new Response(err instanceof Error ? err.message : 'Forbidden', { status: 403 })
    }
  })
}
