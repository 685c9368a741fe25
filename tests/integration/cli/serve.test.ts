import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveSite, type SiteServer } from '../../../src/cli/siteServer'
import { openWorkspace } from '../../../src/core/workspace'

let site: SiteServer
let blog: string

beforeAll(async () => {
  blog = join(await mkdtemp(join(tmpdir(), 'folio-serve-')), 'blog')
  await cp(join(__dirname, '../../../resources/sample'), blog, { recursive: true })
  site = await serveSite(await openWorkspace(blog), { port: 0 })
}, 60_000)

afterAll(async () => {
  await site?.close()
})

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(new URL(path, site.url))
  return { status: response.status, text: await response.text() }
}

/** Resolves with the first `reload` event the live reload stream sends. */
function nextReload(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/__folio/livereload', site.url), (res) => {
      res.on('data', (chunk: Buffer) => {
        if (chunk.toString('utf8').includes('event: reload')) {
          req.destroy()
          resolve()
        }
      })
    })
    req.on('error', (err) =>
      (err as { code?: string }).code === 'ECONNRESET' ? undefined : reject(err),
    )
    req.end()
  })
}

describe('folio serve', () => {
  it('serves the built site on 127.0.0.1 with the live reload script in every page', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.text).toContain('Field Notes')
    expect(home.text).toContain("new EventSource('/__folio/livereload')")
    const missing = await get('/no-such-page/')
    expect(missing.status).toBe(404)
    expect(missing.text).toContain('/__folio/livereload')
  })

  it('rebuilds when an article changes and tells open pages to reload', async () => {
    const reload = nextReload()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const file = join(blog, 'posts', 'welcome-to-field-notes.md')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace(/^title: .*$/m, 'title: Welcome, Edited Live'))
    await reload
    expect((await get('/')).text).toContain('Welcome, Edited Live')
  }, 30_000)
})
