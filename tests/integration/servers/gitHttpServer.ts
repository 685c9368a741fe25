/**
 * A real git smart-HTTP server for git target tests: `git http-backend` (CGI) behind a small Node
 * HTTP server on 127.0.0.1 that checks a Basic-auth token, serving bare repos in a temp folder.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A running git server: repo URLs, the token it accepts, and a switch to break pushes. */
export interface GitHttpServer {
  port: number
  root: string
  token: string
  /**
   * Creates a bare repository `name` (e.g. `site.git`) whose HEAD names `defaultBranch`, as GitHub
   * and GitLab make the first pushed branch the default; returns its URL.
   */
  createRepo(name: string, defaultBranch?: string): Promise<string>
  /** Runs system git in the bare repo (`git --git-dir=<repo> ...args`) and returns stdout. */
  git(repo: string, ...args: string[]): Promise<string>
  /** Cuts the connection of the next `count` pushes half-way through their upload. */
  dropNextPushes(count: number): void
  stop(): Promise<void>
}

function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? ''
  if (!header.startsWith('Basic ')) return false
  const [, password] = Buffer.from(header.slice(6), 'base64').toString().split(/:(.*)/s)
  return password === token
}

function serveCgi(req: IncomingMessage, res: ServerResponse, root: string): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REMOTE_USER: 'folio-test',
    REMOTE_ADDR: '127.0.0.1',
    REQUEST_METHOD: req.method,
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
  }
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length']
  if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding']
  const cgi = spawn('git', ['http-backend'], { env })
  req.pipe(cgi.stdin)
  let head = Buffer.alloc(0)
  let headersDone = false
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk)
      return
    }
    head = Buffer.concat([head, chunk])
    const end = head.indexOf('\r\n\r\n')
    if (end < 0) return
    headersDone = true
    let status = 200
    for (const line of head.subarray(0, end).toString().split('\r\n')) {
      const colon = line.indexOf(':')
      const key = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10)
      else res.setHeader(key, value)
    }
    res.writeHead(status)
    res.write(head.subarray(end + 4))
  })
  cgi.stdout.on('end', () => res.end())
  cgi.on('error', (err) => {
    res.writeHead(500)
    res.end(String(err))
  })
}

/** Starts the server on a free port of 127.0.0.1; repositories live in a temp folder. */
export async function startGitHttpServer(token = 'test-token-123'): Promise<GitHttpServer> {
  const root = await mkdtemp(join(tmpdir(), 'folio-git-'))
  let dropPushes = 0
  const server = createServer((req, res) => {
    if (!authorized(req, token)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="folio-test"' })
      res.end('Unauthorized')
      return
    }
    if (req.method === 'POST' && req.url?.endsWith('/git-receive-pack') && dropPushes > 0) {
      dropPushes--
      let seen = 0
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length
        if (seen > 64) req.socket.destroy()
      })
      req.on('end', () => req.socket.destroy())
      return
    }
    serveCgi(req, res, root)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const gitIn = async (repo: string, ...args: string[]) =>
    (await run('git', [`--git-dir=${join(root, repo)}`, ...args])).stdout
  return {
    port,
    root,
    token,
    async createRepo(name, defaultBranch = 'gh-pages') {
      await run('git', [
        'init',
        '--bare',
        '--quiet',
        `--initial-branch=${defaultBranch}`,
        join(root, name),
      ])
      await gitIn(name, 'config', 'http.receivepack', 'true')
      return `http://127.0.0.1:${port}/${name}`
    },
    git: gitIn,
    dropNextPushes(count) {
      dropPushes = count
    },
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(root, { recursive: true, force: true })
    },
  }
}
