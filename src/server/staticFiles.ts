/**
 * Serves the built renderer (out/renderer) and workspace images for the web mode, with the same
 * Content-Security-Policy the desktop window enforces.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import mime from 'mime'

/** The renderer's CSP: no inline script, no remote anything; the preview frame inherits it. */
export const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Extensions a preview may load from the workspace: images, media and fonts, never documents. */
const assetTypes = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.svg',
  '.ico',
  '.bmp',
  '.mp4',
  '.webm',
  '.mp3',
  '.ogg',
  '.wav',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
])

export function isServableAsset(path: string): boolean {
  return assetTypes.has(extname(path).toLowerCase())
}

export const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/** Streams `file` with its content type; SVGs are sandboxed so script inside them cannot run. */
export async function sendFile(
  res: ServerResponse,
  file: string,
  extraHeaders: Record<string, string> = {},
): Promise<boolean> {
  try {
    const info = await stat(file)
    if (!info.isFile()) return false
    const type = mime.getType(file) ?? 'application/octet-stream'
    const headers: Record<string, string | number> = {
      ...baseHeaders,
      'Content-Type': type,
      'Content-Length': info.size,
      ...extraHeaders,
    }
    if (type === 'image/svg+xml')
      headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    res.writeHead(200, headers)
    createReadStream(file).pipe(res)
    return true
  } catch (err) {
    // A missing file is answered with 404 by the caller; anything else is a real failure.
    if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes((err as { code?: string }).code ?? ''))
      return false
    throw err
  }
}

/** Maps a URL path onto a file inside `root`, or null when it would leave it. */
export function fileInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath)
  if (decoded.includes('\0')) return null
  const full = normalize(join(root, decoded))
  return full === root || full.startsWith(root + sep) ? full : null
}
