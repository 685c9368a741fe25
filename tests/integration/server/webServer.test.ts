import { cp, mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(
  port: number,
  path: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: string
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

let server: WebServer
let workspace: string

function api(method: string, input: unknown, headers: Record<string, string> = {}) {
  return send(server.port, `/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-folio-token': server.token,
      ...headers,
    },
    body: JSON.stringify(input),
  })
}

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'folio-web-'))
  workspace = join(base, 'blog')
  await cp(join(__dirname, '../../../resources/sample'), workspace, {
    recursive: true,
  })
  const rendererDir = join(base, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>')
  server = await startWebServer({ workspace, rendererDir })
})

afterAll(async () => {
  await server?.close()
})

describe('web mode guard', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`))
    expect(server.token.length).toBeGreaterThanOrEqual(24)
  })

  it('refuses the page without the token and serves it with it, setting an HttpOnly cookie', async () => {
    expect((await send(server.port, '/')).status).toBe(401)
    const ok = await send(server.port, `/?token=${server.token}`)
    expect(ok.status).toBe(200)
    expect(String(ok.headers['set-cookie'])).toMatch(/folio_token=.*HttpOnly; SameSite=Strict/)
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('accepts the cookie in place of the header', async () => {
    const reply = await send(server.port, '/api/listArticles', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `folio_token=${server.token}`,
      },
      body: '{}',
    })
    expect(JSON.parse(reply.body).ok).toBe(true)
  })

  it('refuses a wrong token, a foreign Host and a foreign Origin', async () => {
    expect((await api('listArticles', {}, { 'x-folio-token': 'nope' })).status).toBe(401)
    expect((await api('listArticles', {}, { host: 'evil.example:80' })).status).toBe(403)
    expect((await api('listArticles', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect(
      (await api('listArticles', {}, { origin: `http://127.0.0.1:${server.port}` })).status,
    ).toBe(200)
  })
})

describe('web mode API', () => {
  it('lists the sample articles', async () => {
    const reply = JSON.parse((await api('listArticles', {})).body)
    expect(reply.ok).toBe(true)
    expect(reply.value.length).toBeGreaterThan(0)
    expect(reply.value[0]).toHaveProperty('title')
  })

  it('rejects a path that escapes the workspace with a clear error', async () => {
    const reply = JSON.parse((await api('readArticle', { path: '../../etc/passwd' })).body)
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'outside-workspace' },
    })
  })

  it('rejects malformed arguments and unknown methods', async () => {
    expect(JSON.parse((await api('readArticle', { path: 42 })).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    expect(JSON.parse((await api('readArticle', { path: 'a.md', extra: 1 })).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    expect(JSON.parse((await api('deleteEverything', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
  })

  it('serves workspace images but not articles through /workspace-file/', async () => {
    await writeFile(join(workspace, 'posts', 'pixel.png'), Buffer.from('89504e470d0a1a0a', 'hex'))
    const image = await send(server.port, '/workspace-file/posts/pixel.png', {
      headers: { 'x-folio-token': server.token },
    })
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    const article = await send(server.port, '/workspace-file/folio.yaml', {
      headers: { 'x-folio-token': server.token },
    })
    expect(article.status).toBe(403)
    const escape = await send(server.port, '/workspace-file/..%2F..%2Fetc%2Fx.png', {
      headers: { 'x-folio-token': server.token },
    })
    expect(escape.status).toBe(403)
  })

  it('pushes an articleChanged event when a file changes outside Folio', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${server.token}`,
          headers: { host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          let buffer = ''
          res.on('data', (chunk: Buffer) => {
            buffer += chunk.toString('utf8')
            if (buffer.includes('event: articleChanged') && buffer.includes('outside.md')) {
              resolve(buffer)
              req.destroy()
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await writeFile(
      join(workspace, 'posts', 'outside.md'),
      '---\ntitle: Outside\n---\n\nWritten elsewhere.\n',
    )
    expect(await received).toContain('"kind":"added"')
  })
})
