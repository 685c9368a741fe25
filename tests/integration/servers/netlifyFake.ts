/**
 * A local stand-in for Netlify's documented file-digest deploy API on 127.0.0.1:
 * GET /api/v1/sites/:site, GET /api/v1/sites/:site/files, POST /api/v1/sites/:site/deploys
 * ({ files: { "/path": sha1 } } -> { id, state, required }), PUT /api/v1/deploys/:id/files/:path,
 * GET /api/v1/deploys/:id. Like Netlify it keeps contents by SHA-1 across deploys, so a later
 * deploy only asks for contents it has never received, and a deploy goes live when complete.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

interface FakeDeploy {
  id: string
  files: Map<string, string>
  required: Set<string>
  state: 'uploading' | 'ready'
}

/** The running fake: its API URL, the site's live files, and switches for failure tests. */
export interface NetlifyFake {
  apiUrl: string
  siteId: string
  token: string
  /** The live site: path (no leading slash) -> content. */
  liveFiles(): Record<string, string>
  /** Paths of every PUT the fake received. */
  uploads: string[]
  /** Closes the connection of the next `count` file uploads instead of answering. */
  dropNextUploads(count: number): void
  stop(): Promise<void>
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(value))
}

/** Starts the fake for one site with one accepted token. */
export async function startNetlifyFake(
  siteId = 'jane-blog',
  token = 'nfp_test_token',
): Promise<NetlifyFake> {
  const blobs = new Map<string, Buffer>()
  const deploys = new Map<string, FakeDeploy>()
  let live = new Map<string, string>()
  const uploads: string[] = []
  let dropUploads = 0
  let nextId = 1

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${token}`) {
      json(res, 401, { code: 401, message: 'Access Denied' })
      return
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = url.pathname.replace(/^\/api\/v1/, '')
    const siteBase = `/sites/${siteId}`
    if (req.method === 'GET' && path === siteBase) {
      json(res, 200, { id: siteId, name: siteId, url: `https://${siteId}.netlify.app` })
    } else if (req.method === 'GET' && path === `${siteBase}/files`) {
      json(
        res,
        200,
        [...live].map(([file, sha]) => ({
          id: file,
          path: file,
          sha,
          size: blobs.get(sha)?.length,
        })),
      )
    } else if (req.method === 'POST' && path === `${siteBase}/deploys`) {
      const input = JSON.parse((await body(req)).toString()) as { files: Record<string, string> }
      const files = new Map(Object.entries(input.files))
      const required = new Set([...files.values()].filter((sha) => !blobs.has(sha)))
      const deploy: FakeDeploy = {
        id: `d${nextId++}`,
        files,
        required,
        state: required.size ? 'uploading' : 'ready',
      }
      deploys.set(deploy.id, deploy)
      if (deploy.state === 'ready') live = files
      json(res, 200, { id: deploy.id, state: deploy.state, required: [...required] })
    } else if (req.method === 'PUT' && path.startsWith('/deploys/')) {
      const [, , id, kind, ...rest] = path.split('/')
      const deploy = deploys.get(id)
      const file = '/' + rest.map(decodeURIComponent).join('/')
      if (!deploy || kind !== 'files' || !deploy.files.has(file)) {
        json(res, 404, { code: 404, message: 'Not Found' })
        return
      }
      if (dropUploads > 0) {
        dropUploads--
        req.socket.destroy()
        return
      }
      const content = await body(req)
      const sha = createHash('sha1').update(content).digest('hex')
      if (sha !== deploy.files.get(file)) {
        json(res, 422, { code: 422, message: 'SHA1 mismatch' })
        return
      }
      uploads.push(file.slice(1))
      blobs.set(sha, content)
      deploy.required.delete(sha)
      if (deploy.required.size === 0 && deploy.state !== 'ready') {
        deploy.state = 'ready'
        live = deploy.files
      }
      json(res, 200, { id: file, path: file, sha, size: content.length })
    } else if (req.method === 'GET' && path.startsWith('/deploys/')) {
      const deploy = deploys.get(path.split('/')[2])
      if (!deploy) json(res, 404, { code: 404, message: 'Not Found' })
      else json(res, 200, { id: deploy.id, state: deploy.state, required: [...deploy.required] })
    } else {
      json(res, 404, { code: 404, message: 'Not Found' })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => json(res, 500, { code: 500, message: String(err) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v1`,
    siteId,
    token,
    liveFiles() {
      const out: Record<string, string> = {}
      for (const [file, sha] of live) out[file.slice(1)] = blobs.get(sha)?.toString() ?? ''
      return out
    },
    uploads,
    dropNextUploads(count) {
      dropUploads = count
    },
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
