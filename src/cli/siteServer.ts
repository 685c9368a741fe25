/**
 * `folio serve`: the built site on 127.0.0.1 with live reload. The workspace is watched; each
 * change rebuilds (coalesced) and tells open pages to reload through a Server-Sent Events stream.
 */
import { watch } from 'chokidar'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { buildSite } from '../core/site'
import type { Workspace } from '../core/workspace'
import { fileInside, sendFile } from '../server/staticFiles'

const reloadPath = '/__folio/livereload'
const reloadScript = `<script>new EventSource('${reloadPath}').addEventListener('reload',()=>location.reload())</script>`

/** A built page's text, or null when it does not exist. */
async function readHtml(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw err
  }
}

/** Sends an HTML page (or a line of text) with the live reload script in it. */
function sendPage(res: ServerResponse, status: number, html: string): void {
  const body = html.includes('</body>')
    ? html.replace('</body>', `${reloadScript}</body>`)
    : html + reloadScript
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(body)
}

export interface SiteServer {
  url: string
  close(): Promise<void>
}

export interface SiteServerOptions {
  port?: number
  drafts?: boolean
  log?: (line: string) => void
}

/** Builds the site into `.folio/serve`, serves it and rebuilds on every change in the workspace. */
export async function serveSite(
  ws: Workspace,
  options: SiteServerOptions = {},
): Promise<SiteServer> {
  const outDir = join(ws.root, '.folio', 'serve')
  const log = options.log ?? (() => undefined)
  const clients = new Set<ServerResponse>()

  async function rebuild(): Promise<void> {
    const report = await buildSite(ws, { outDir, drafts: options.drafts })
    for (const problem of report.problems)
      log(`${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`)
    log(`built ${report.pages} pages in ${report.durationMs} ms`)
    for (const client of clients) client.write('event: reload\ndata: {}\n\n')
  }
  await rebuild()

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      log(`serving ${req.url ?? ''} failed: ${(err as Error).message}`)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('The page could not be served; see the terminal.')
    })
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === reloadPath) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    let path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname
    let file = fileInside(outDir, path)
    if (file && !/\.[a-z0-9]+$/i.test(path)) {
      path = `${path}/index.html`
      file = fileInside(outDir, path)
    }
    if (file && file.endsWith('.html')) {
      const html = await readHtml(file)
      if (html !== null) return sendPage(res, 200, html)
    } else if (file && (await sendFile(res, file))) {
      return
    }
    const notFound = fileInside(outDir, '/404.html')
    const page = notFound ? await readHtml(notFound) : null
    sendPage(res, 404, page ?? 'Not found')
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })

  let pending: NodeJS.Timeout | null = null
  let building = Promise.resolve()
  const watcher = watch(ws.root, {
    ignoreInitial: true,
    ignored: (path) => /[\\/](\.folio|\.git|node_modules|public)([\\/]|$)/.test(path),
  })
  watcher.on('all', () => {
    if (pending) clearTimeout(pending)
    // NOTE: bursts of events (a save, a git pull) are coalesced into one rebuild, and rebuilds
    // are chained so two never write the output folder at once.
    pending = setTimeout(() => {
      building = building
        .then(rebuild)
        .catch((err: unknown) => log(`build failed: ${(err as Error).message}`))
    }, 150)
  })

  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      if (pending) clearTimeout(pending)
      await watcher.close()
      for (const client of clients) client.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await building
    },
  }
}
