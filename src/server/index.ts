/**
 * Web mode: the whole FolioApi over HTTP on 127.0.0.1, guarded by a per-run token, serving the
 * built renderer. It is an adapter like src/main: validation and work happen in the service.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { FolioEventName } from '../core/api'
import { FolioError, toFolioError } from '../core/errors'
import type { SecretSource } from '../core/publish'
import { createFolioService, type FolioService } from '../core/service'
import { baseHeaders, fileInside, isServableAsset, rendererCsp, sendFile } from './staticFiles'
import { checkRequest, tokenCookie } from './guard'

export interface WebServerOptions {
  /** Folder to open at start; without it the page asks for one. */
  workspace?: string
  /** 0 or absent: a random free port. */
  port?: number
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir?: string
  secrets?: SecretSource
  version?: string
  onWorkspaceOpened?: (root: string) => Promise<void>
}

export interface WebServer {
  /** The address to open, with the per-run token in it. */
  url: string
  token: string
  port: number
  service: FolioService
  close(): Promise<void>
}

const maxBodyBytes = 200 * 1024 * 1024

const defaultRendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url))

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        reject(new Error('Request body too large.'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

/** Starts the web mode server on 127.0.0.1 and opens `options.workspace` if given. */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url')
  const rendererDir = options.rendererDir ?? defaultRendererDir
  const service = createFolioService({
    mode: 'web',
    version: options.version ?? '0.0.0',
    assetBase: '/workspace-file/',
    secrets: options.secrets ?? (async () => undefined),
    onWorkspaceOpened: options.onWorkspaceOpened,
  })
  const streams = new Set<ServerResponse>()
  const unsubscribe = service.subscribe((event: FolioEventName, payload: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of streams) res.write(frame)
  })

  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toFolioError(err).toJSON() })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const verdict = checkRequest(req, url, token, port)
    if (!verdict.ok) return sendText(res, verdict.status ?? 403, verdict.reason ?? 'Forbidden.')
    const cookie = verdict.fromQuery
      ? { 'Set-Cookie': `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/` }
      : undefined

    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length)
      if (method === 'events' && req.method === 'GET') {
        res.writeHead(200, {
          ...baseHeaders,
          'Content-Type': 'text/event-stream',
          Connection: 'keep-alive',
        })
        res.write(': connected\n\n')
        streams.add(res)
        req.on('close', () => streams.delete(res))
        return
      }
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for API calls.')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendText(res, 415, 'API calls take application/json.')
      }
      let input: unknown
      try {
        const body = await readBody(req)
        input = body ? JSON.parse(body) : {}
      } catch (err) {
        return sendJson(res, 400, {
          ok: false,
          error: {
            code: 'invalid-argument',
            message: `Unreadable request: ${(err as Error).message}`,
          },
        })
      }
      return sendJson(res, 200, await service.call(method, input))
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed.')

    if (url.pathname.startsWith('/workspace-file/')) {
      const rel = decodeURIComponent(url.pathname.slice('/workspace-file/'.length))
      if (!isServableAsset(rel))
        return sendText(res, 403, 'Only images, media and fonts are served from the workspace.')
      try {
        const file = await service.resolveWorkspaceFile(rel)
        if (await sendFile(res, file)) return
      } catch (err) {
        return sendText(res, 403, toFolioError(err, rel).message)
      }
      return sendText(res, 404, 'Not found.')
    }

    const path = url.pathname === '/' ? '/index.html' : url.pathname
    const file = fileInside(rendererDir, path)
    const headers: Record<string, string> = {
      'Content-Security-Policy': rendererCsp,
      ...(cookie ?? {}),
    }
    if (file && (await sendFile(res, file, headers))) return
    if (path === '/index.html') {
      return sendText(
        res,
        500,
        `The renderer is not built: run "npm run build" (looked in ${rendererDir}).`,
      )
    }
    return sendText(res, 404, 'Not found.')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  if (options.workspace) {
    const opened = await service.open(options.workspace)
    if (!opened.ok) {
      server.close()
      await service.dispose()
      throw FolioError.fromData(opened.error)
    }
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    service,
    async close() {
      unsubscribe()
      for (const res of streams) res.end()
      streams.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await service.dispose()
    },
  }
}
