/**
 * The Netlify target, through Netlify's file-digest deploy API: a new deploy lists every file's
 * SHA-1 and Netlify answers which contents it lacks; only those are uploaded, and the deploy goes
 * live at once when complete (atomic). Removed files are simply not in the new deploy.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { FolioError } from '../../errors'
import type { LocalFile } from '../localFiles'
import type { PublishTarget, RemoteListing, TargetContext } from '../publishTarget'
import { secretEnvName } from '../secretSource'
import { optionalString, requireString } from '../targetConfig'

const defaultApi = 'https://api.netlify.com/api/v1'

async function sha1File(path: string): Promise<string> {
  const hash = createHash('sha1')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

interface Deploy {
  id: string
  state: string
  required?: string[]
  error_message?: string
}

/** Creates the Netlify target: `siteId` (site id or name.netlify.app), optional `apiUrl`. */
export function createNetlifyTarget(ctx: TargetContext): PublishTarget {
  const { config } = ctx
  const name = config.name
  const siteId = optionalString(config, 'siteId') ?? requireString(config, 'site')
  const api = (optionalString(config, 'apiUrl') ?? defaultApi).replace(/\/+$/, '')
  const pollMs = 1000
  const readyTimeoutMs = 5 * 60_000
  let token: string | undefined
  let deploy: Deploy | null = null
  const shaByPath = new Map<string, string>()

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    raw?: Buffer,
  ): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` }
    if (raw) headers['Content-Type'] = 'application/octet-stream'
    else if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(`${api}${path}`, {
      method,
      headers,
      body: raw ? new Uint8Array(raw) : body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    })
    const text = await response.text()
    if (response.status === 401 || response.status === 403) {
      throw new FolioError(
        'auth',
        `Netlify refused the token of target "${name}": check it, and that it may deploy site "${siteId}".`,
        { path: name },
      )
    }
    if (response.status === 404 && path === `/sites/${encodeURIComponent(siteId)}`) {
      throw new FolioError(
        'config',
        `Netlify has no site "${siteId}" (target "${name}"); check "siteId" in folio.yaml.`,
        { path: 'folio.yaml' },
      )
    }
    if (!response.ok) {
      const error = new Error(
        `Netlify answered ${response.status} to ${method} ${path}: ${text.slice(0, 200)}`,
      )
      throw Object.assign(error, { statusCode: response.status })
    }
    return (text ? JSON.parse(text) : undefined) as T
  }

  const site = `/sites/${encodeURIComponent(siteId)}`

  return {
    location: `Netlify site ${siteId}`,
    concurrency: 8,
    atomic: true,
    async connect() {
      token = await ctx.secrets(name, 'token')
      if (!token) {
        throw new FolioError(
          'auth',
          `Target "${name}" needs a Netlify access token (${secretEnvName(name, 'token')}).`,
          { path: name },
        )
      }
      await request('GET', site)
    },
    async list() {
      const files = await request<{ path: string; sha: string; size?: number }[]>(
        'GET',
        `${site}/files`,
      )
      const listing: RemoteListing = new Map()
      for (const file of files)
        listing.set(file.path.replace(/^\//, ''), { tag: file.sha, size: file.size })
      return listing
    },
    async prepare(all: LocalFile[], planned: LocalFile[]) {
      const digest: Record<string, string> = {}
      for (const file of all) {
        const sha = await sha1File(file.absPath)
        shaByPath.set(file.path, sha)
        digest[`/${file.path}`] = sha
      }
      deploy = await request<Deploy>('POST', `${site}/deploys`, { files: digest, draft: false })
      const required = new Set(deploy.required ?? [])
      // Netlify asks for contents, not paths: send each missing content once.
      const uploads: LocalFile[] = []
      const tags = new Map<string, string>()
      for (const file of all) {
        const sha = shaByPath.get(file.path)!
        if (required.delete(sha)) uploads.push(file)
      }
      const sending = new Set(uploads.map((file) => file.path))
      for (const file of planned)
        if (!sending.has(file.path)) tags.set(file.path, shaByPath.get(file.path)!)
      return { uploads, tags }
    },
    async upload(file: LocalFile) {
      if (!deploy)
        throw new FolioError('internal', 'Netlify upload before the deploy was created.', {
          path: file.path,
        })
      await request(
        'PUT',
        `/deploys/${deploy.id}/files/${encodePath(file.path)}`,
        undefined,
        await readFile(file.absPath),
      )
      return { remote: shaByPath.get(file.path) }
    },
    async remove() {
      // The new deploy simply does not contain the file.
    },
    async finish() {
      if (!deploy) return
      const started = Date.now()
      for (;;) {
        const state = await request<Deploy>('GET', `/deploys/${deploy.id}`)
        if (state.state === 'ready') return
        if (state.state === 'error') {
          throw new FolioError(
            'publish-failed',
            `Netlify could not finish the deploy: ${state.error_message ?? 'no reason given'}.`,
            { path: name },
          )
        }
        if (Date.now() - started > readyTimeoutMs) {
          throw new FolioError(
            'network',
            `Netlify did not finish the deploy within 5 minutes (state "${state.state}").`,
            { path: name },
          )
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs))
      }
    },
    async close() {},
  }
}
