import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BuildReport } from '../../../src/core/api'
import { buildSite, resourcesDir } from '../../../src/core/site'
import { openWorkspace } from '../../../src/core/workspace'

let tmp: string
let out: string
let report: BuildReport

async function read(rel: string): Promise<string> {
  return fs.readFile(path.join(out, rel), 'utf8')
}

async function exists(abs: string): Promise<boolean> {
  return fs.stat(abs).then(
    () => true,
    () => false,
  )
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-sample-'))
  const blog = path.join(tmp, 'blog')
  await fs.cp(path.join(resourcesDir(), 'sample'), blog, { recursive: true })
  out = path.join(tmp, 'public')
  const ws = await openWorkspace(blog)
  report = await buildSite(ws, { outDir: out, now: new Date('2025-06-01T00:00:00Z') })
})

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

describe('building the sample blog', () => {
  it('builds without problems', () => {
    expect(report.problems).toEqual([])
    expect(report.pages).toBeGreaterThan(5)
  })

  it('lists published articles newest first on the home page, without the draft', async () => {
    const home = await read('index.html')
    const titles = [...home.matchAll(/<h2 class="card-title"><a [^>]*>([^<]+)</g)].map((m) => m[1])
    expect(titles).toEqual(['Welcome to Field Notes', 'A Week on the Coast', 'Measuring a Walk'])
    expect(await exists(path.join(out, 'notes-on-notebooks'))).toBe(false)
  })

  it('writes each article at a pretty URL with its bundle image beside it', async () => {
    const page = await read('a-week-on-the-coast/index.html')
    expect(page).toContain('<h1 class="p-name">A Week on the Coast</h1>')
    expect(page).toContain('src="harbour.png"')
    const png = await fs.readFile(path.join(out, 'a-week-on-the-coast/harbour.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
  })

  it('publishes the static page and links it from the navigation', async () => {
    expect(await read('about/index.html')).toContain('Field Notes is written by Ada Marsh')
    expect(await read('index.html')).toContain('<a href="./about/">About</a>')
  })

  it('writes an RSS feed with absolute URLs and full content', async () => {
    const rss = await read('feed.xml')
    expect(rss).toContain('<link>https://notes.example.com/a-week-on-the-coast/</link>')
    expect(rss).toContain('https://notes.example.com/a-week-on-the-coast/harbour.png')
    expect(rss).not.toContain('Notes on Notebooks')
  })

  it('copies the theme assets and KaTeX styles', async () => {
    expect(await read('assets/style.css')).toContain('prefers-color-scheme: dark')
    expect(await read('measuring-a-walk/index.html')).toContain('assets/katex/katex.min.css')
    expect(await exists(path.join(out, 'assets/katex/katex.min.css'))).toBe(true)
  })

  it('has no broken internal links or images', async () => {
    const files = await allFiles(out)
    const broken: string[] = []
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      if (file === '404.html') continue
      const html = await read(file)
      for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = match[1].replace(/&#x26;|&amp;/g, '&')
        if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url) || url === '') continue
        const target = new URL(url, `http://site.test/${file}`)
        let rel = decodeURIComponent(target.pathname.slice(1))
        if (rel === '' || rel.endsWith('/')) rel += 'index.html'
        if (!files.includes(rel)) broken.push(`${file} -> ${url}`)
      }
    }
    expect(broken).toEqual([])
  })
})
