/**
 * The sample blog built end to end and checked the way a reader, a feed reader and a search
 * engine would meet it: valid HTML, no broken internal links or images, feeds that parse, and the
 * site in real Chromium at phone and desktop widths (screenshots in test-results/).
 */
import { promises as fs } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Ajv from 'ajv'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { HTMLHint } from 'htmlhint'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../../support/chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BuildReport } from '../../../src/core/api'
import { buildSite, resourcesDir } from '../../../src/core/site'
import { openWorkspace } from '../../../src/core/workspace'

let tmp: string
let out: string
let report: BuildReport
let server: http.Server
let baseUrl: string
let browser: Browser
let files: string[]

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-site-e2e-'))
  const blog = path.join(tmp, 'blog')
  await fs.cp(path.join(resourcesDir(), 'sample'), blog, { recursive: true })
  // Words no column is wide enough for: the page must still not scroll sideways.
  await fs.appendFile(
    path.join(blog, 'posts/a-week-on-the-coast/index.md'),
    `\nSee https://example.com/${'a-very-long-path-segment/'.repeat(16)} and ` +
      `${'Llanfairpwllgwyngyll'.repeat(10)} and \`${'someVeryLongIdentifier'.repeat(8)}\`.\n`,
  )
  out = path.join(tmp, 'public')
  report = await buildSite(await openWorkspace(blog), { outDir: out, now: new Date('2025-06-01') })
  const entries = await fs.readdir(out, { withFileTypes: true, recursive: true })
  files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1)
    if (rel === '' || rel.endsWith('/')) rel += 'index.html'
    if (!files.includes(rel)) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': types[path.extname(rel)] ?? 'application/octet-stream' })
    void fs.readFile(path.join(out, rel)).then((bytes) => res.end(bytes))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await fs.rm(tmp, { recursive: true, force: true })
})

const read = (rel: string) => fs.readFile(path.join(out, rel), 'utf8')

describe('the built sample blog', () => {
  it('builds without problems', () => {
    expect(report.problems).toEqual([])
  })

  it('is valid HTML on every page', async () => {
    const rules = {
      'doctype-first': true,
      'doctype-html5': true,
      'tag-pair': true,
      'tag-self-close': false,
      'attr-no-duplication': true,
      'attr-value-double-quotes': true,
      'id-unique': true,
      'src-not-empty': true,
      'alt-require': true,
      'title-require': true,
      'head-script-disabled': false,
      'spec-char-escape': true,
    }
    const found: string[] = []
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const message of HTMLHint.verify(await read(file), rules))
        found.push(`${file}:${message.line} ${message.rule.id}: ${message.message}`)
    }
    expect(found).toEqual([])
  })

  it('has no broken internal links, images or srcset entries', async () => {
    const broken: string[] = []
    const check = (file: string, url: string) => {
      const clean = url.replace(/&#x26;|&amp;/g, '&')
      if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(clean) || clean === '') return
      const target = new URL(clean, `http://site.test/${file}`)
      let rel = decodeURIComponent(target.pathname.slice(1))
      if (rel === '' || rel.endsWith('/')) rel += 'index.html'
      if (!files.includes(rel)) broken.push(`${file} -> ${url}`)
    }
    for (const file of files.filter((f) => f.endsWith('.html') && f !== '404.html')) {
      const html = await read(file)
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) check(file, m[1])
      for (const m of html.matchAll(/\ssrcset="([^"]*)"/g))
        for (const candidate of m[1].split(',')) check(file, candidate.trim().split(/\s+/)[0])
    }
    expect(broken).toEqual([])
  })

  it('writes feeds and a sitemap that parse as XML', async () => {
    const parser = new XMLParser({ ignoreAttributes: false })
    for (const file of ['feed.xml', 'atom.xml', 'sitemap.xml']) {
      const xml = await read(file)
      expect(XMLValidator.validate(xml), file).toBe(true)
    }
    const rss = parser.parse(await read('feed.xml'))
    expect(rss.rss.channel.item.map((i: { link: string }) => i.link)).toContain(
      'https://notes.example.com/a-week-on-the-coast/',
    )
    const atom = parser.parse(await read('atom.xml'))
    expect(atom.feed.entry.length).toBe(3)
  })

  it('writes a JSON Feed that meets the JSON Feed schema', async () => {
    const schema = {
      type: 'object',
      required: ['version', 'title', 'items'],
      properties: {
        version: { type: 'string', pattern: '^https://jsonfeed.org/version/1' },
        title: { type: 'string', minLength: 1 },
        home_page_url: { type: 'string', pattern: '^https://' },
        feed_url: { type: 'string', pattern: '^https://' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id'],
            anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
            properties: {
              id: { type: 'string' },
              url: { type: 'string', pattern: '^https://' },
              title: { type: 'string' },
              content_html: { type: 'string' },
              date_published: { type: 'string' },
            },
          },
        },
      },
    }
    const validate = new Ajv({ allErrors: true }).compile(schema)
    const feed = JSON.parse(await read('feed.json'))
    expect(validate(feed) ? [] : validate.errors).toEqual([])
    expect(feed.items).toHaveLength(3)
  })
})

describe('the built site in Chromium', () => {
  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 800 }],
  ] as const) {
    it(`renders the home and an article page at ${name} width`, async () => {
      const page = await browser.newPage({ viewport })
      try {
        const errors: string[] = []
        page.on('pageerror', (err) => errors.push(err.message))
        await page.goto(baseUrl)
        expect(await page.locator('h2.card-title').first().isVisible()).toBe(true)
        await fs.mkdir('test-results', { recursive: true })
        await page.screenshot({ path: `test-results/site-home-${name}.png`, fullPage: true })
        await page.goto(`${baseUrl}a-week-on-the-coast/`)
        expect(await page.locator('h1').textContent()).toBe('A Week on the Coast')
        // No horizontal scrolling: the page fits the width a reader has.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow).toBeLessThanOrEqual(0)
        await page.screenshot({ path: `test-results/site-article-${name}.png`, fullPage: true })
        expect(errors).toEqual([])
      } finally {
        await page.close()
      }
    }, 60_000)
  }

  it("shows GitHub's alerts in the theme's colours, light and dark", async () => {
    for (const [colorScheme, green] of [
      ['light', 'rgb(26, 127, 55)'],
      ['dark', 'rgb(63, 185, 80)'],
    ] as const) {
      const page = await browser.newPage({ colorScheme })
      try {
        await page.goto(`${baseUrl}welcome-to-field-notes/`)
        const title = page.locator('.markdown-alert-tip .markdown-alert-title')
        expect(await title.textContent()).toBe('Tip')
        const look = await title.evaluate((el) => {
          const icon = el.querySelector('svg')?.getBoundingClientRect()
          return { color: getComputedStyle(el).color, icon: [icon?.width, icon?.height] }
        })
        expect(look).toEqual({ color: green, icon: [16, 16] })
      } finally {
        await page.close()
      }
    }
  })

  it('finds an article by a word in its body with the search box', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    try {
      await page.goto(`${baseUrl}search/`)
      await page.fill('#search-input', 'lifeboat')
      const first = page.locator('#search-results a').first()
      await first.waitFor({ timeout: 10_000 })
      expect(await first.textContent()).toContain('A Week on the Coast')
      await page.screenshot({ path: 'test-results/site-search-desktop.png' })
    } finally {
      await page.close()
    }
  }, 60_000)
})
