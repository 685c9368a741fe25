import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  buildSiteFrom,
  loadTheme,
  type SiteSource,
  type SourceArticle,
} from '../../../src/core/site'
import { locateTheme } from '../../../src/core/site'
import { articleInput } from './articleInput'

let tmp: string
let out: string

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-build-'))
  out = path.join(tmp, 'public')
})

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

function article(slug: string, fields: Partial<SourceArticle> = {}): SourceArticle {
  const input = articleInput(slug, { title: slug.replace(/-/g, ' '), body: `Body of ${slug}.\n` })
  return { ...input, bodyStartLine: 5, ...fields }
}

async function source(
  articles: SourceArticle[],
  extra: Partial<SiteSource> = {},
): Promise<SiteSource> {
  const ws = { root: tmp, config: { theme: 'default' } } as Parameters<typeof loadTheme>[0]
  return {
    root: tmp,
    site: {
      title: 'Test Blog',
      baseUrl: 'https://blog.test/',
      language: 'en',
      author: 'Sam',
      description: 'A test',
    },
    pageSize: 10,
    theme: await loadTheme(ws),
    themeDir: (await locateTheme(ws)).dir,
    articles,
    pages: [],
    ...extra,
  }
}

const read = (rel: string) => fs.readFile(path.join(out, rel), 'utf8')
const exists = (rel: string) =>
  fs.stat(path.join(out, rel)).then(
    () => true,
    () => false,
  )
const now = new Date('2025-06-01T00:00:00Z')

describe('buildSiteFrom', () => {
  it('leaves out drafts and future-dated articles', async () => {
    const report = await buildSiteFrom(
      await source([
        article('live'),
        article('draft-one', { draft: true }),
        article('scheduled', { date: '2025-07-01' }),
      ]),
      { outDir: out, now },
    )
    expect(report.problems).toEqual([])
    expect(await exists('live/index.html')).toBe(true)
    expect(await exists('draft-one/index.html')).toBe(false)
    expect(await exists('scheduled/index.html')).toBe(false)
    expect(await read('feed.xml')).not.toContain('scheduled')
  })

  it('includes drafts and future articles when asked', async () => {
    await buildSiteFrom(
      await source([
        article('draft-one', { draft: true }),
        article('scheduled', { date: '2030-01-01' }),
      ]),
      { outDir: out, now, drafts: true },
    )
    expect(await exists('draft-one/index.html')).toBe(true)
    expect(await exists('scheduled/index.html')).toBe(true)
  })

  it('paginates the home page by pageSize', async () => {
    const articles = Array.from({ length: 5 }, (_, i) =>
      article(`post-${i + 1}`, { date: `2025-01-0${i + 1}` }),
    )
    await buildSiteFrom(await source(articles, { pageSize: 2 }), { outDir: out, now })
    const first = await read('index.html')
    expect(first).toContain('href="./post-5/"')
    expect(first).toContain('<a rel="next" href="./page/2/">')
    expect(await read('page/3/index.html')).toContain('href="../../post-1/"')
    expect(await exists('page/4/index.html')).toBe(false)
  })

  it('writes a page per tag and per author', async () => {
    await buildSiteFrom(
      await source([
        article('a', { tags: ['Travel Notes'], author: 'Kim' }),
        article('b', { tags: ['travel notes', 'code'] }),
      ]),
      { outDir: out, now },
    )
    const tag = await read('tags/travel-notes/index.html')
    expect(tag).toContain('href="../../a/"')
    expect(tag).toContain('href="../../b/"')
    expect(await read('authors/kim/index.html')).toContain('href="../../a/"')
    expect(await read('authors/sam/index.html')).toContain('href="../../b/"')
  })

  it('reports a missing image with the article and its file line, and builds the rest', async () => {
    const report = await buildSiteFrom(
      await source([article('pics', { body: 'Intro\n\n![gone](missing.png)\n' }), article('ok')]),
      { outDir: out, now },
    )
    expect(report.problems).toEqual([expect.objectContaining({ path: 'posts/pics.md', line: 7 })])
    expect(report.problems[0].message).toContain('missing.png')
    expect(await exists('ok/index.html')).toBe(true)
  })

  it('reports broken front matter and leaves only that article out', async () => {
    const report = await buildSiteFrom(
      await source([
        article('broken', { error: { message: 'Front matter is not valid YAML.', line: 3 } }),
        article('fine'),
      ]),
      { outDir: out, now },
    )
    expect(report.problems).toEqual([expect.objectContaining({ path: 'posts/broken.md', line: 3 })])
    expect(await exists('broken/index.html')).toBe(false)
    expect(await exists('fine/index.html')).toBe(true)
  })

  it('reports a template error with the template file and line', async () => {
    const src = await source([article('a')])
    const templates = { ...src.theme.templates }
    templates['layouts/article.liquid'] =
      "{% layout 'layouts/base' %}\n{% block content %}\n{% if %}\n{% endblock %}"
    const report = await buildSiteFrom(
      { ...src, theme: { ...src.theme, templates } },
      { outDir: out, now },
    )
    expect(report.problems).toEqual([
      expect.objectContaining({ path: 'themes/default/layouts/article.liquid', line: 3 }),
    ])
    expect(await exists('index.html')).toBe(true)
  })

  it('turns aliases into redirect pages to the article', async () => {
    await buildSiteFrom(
      await source([
        article('new-name', { frontMatter: { aliases: ['/old-name/', '2019/old.html'] } }),
      ]),
      { outDir: out, now },
    )
    expect(await read('old-name/index.html')).toContain(
      'content="0; url=https://blog.test/new-name/"',
    )
    expect(await read('2019/old.html')).toContain(
      'rel="canonical" href="https://blog.test/new-name/"',
    )
  })

  it('writes Atom, JSON Feed, sitemap and robots.txt with absolute URLs', async () => {
    await buildSiteFrom(await source([article('a', { body: '![x](img.png)' })]), {
      outDir: out,
      now,
    })
    expect(await read('atom.xml')).toContain('<id>https://blog.test/a/</id>')
    const json = JSON.parse(await read('feed.json'))
    expect(json.version).toBe('https://jsonfeed.org/version/1')
    expect(json.items[0].url).toBe('https://blog.test/a/')
    expect(await read('sitemap.xml')).toContain('<loc>https://blog.test/a/</loc>')
    expect(await read('robots.txt')).toContain('Sitemap: https://blog.test/sitemap.xml')
  })

  it('writes a search index with the body text', async () => {
    await buildSiteFrom(await source([article('a', { body: 'The word *lighthouse* here.' })]), {
      outDir: out,
      now,
    })
    const index = JSON.parse(await read('search.json'))
    expect(index[0]).toMatchObject({ url: 'a/', text: 'The word lighthouse here.' })
  })

  it('replaces the previous site as a whole', async () => {
    await buildSiteFrom(await source([article('first')]), { outDir: out, now })
    await buildSiteFrom(await source([article('second')]), { outDir: out, now })
    expect(await exists('first/index.html')).toBe(false)
    expect(await exists('second/index.html')).toBe(true)
  })

  it('keeps the previous site when the new one cannot be written', async () => {
    await buildSiteFrom(await source([article('first')]), { outDir: out, now })
    const src = await source([article('second')])
    // A static file whose path collides with a folder makes writing fail part-way.
    await fs.mkdir(path.join(tmp, 'static'), { recursive: true })
    await fs.writeFile(path.join(tmp, 'static', 'second'), 'not a folder')
    await expect(buildSiteFrom(src, { outDir: out, now })).rejects.toThrow()
    expect(await exists('first/index.html')).toBe(true)
    const siblings = await fs.readdir(tmp)
    expect(siblings.filter((name) => name.includes('folio-build'))).toEqual([])
  })
})
