import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createArticle, listArticles, openWorkspace } from '../../../src/core/workspace'
import { copyFixture } from './fixtureCopy'
import { useTempFolders } from './tempFolder'

const { track } = useTempFolders()
async function open(name: string) {
  return openWorkspace(track(await copyFixture(name)))
}

const now = new Date(2025, 0, 2, 8)

describe('layout detection and naming', () => {
  it('Hugo: content/, TOML, bundles, no _index.md section pages', async () => {
    const ws = await open('hugo')
    expect(ws.layout).toBe('hugo')
    expect(ws.contentDir).toBe('content/posts')
    expect(ws.config).toMatchObject({
      title: 'Hugo Fixture Blog',
      baseUrl: 'https://hugo.example.org/',
      language: 'en-gb',
      description: 'A Hugo blog written for Folio tests',
    })
    const list = await listArticles(ws)
    expect(list.map((a) => a.path)).toEqual([
      'content/posts/bundle-post/index.md',
      'content/posts/first-post.md',
      'content/about-section/about.md',
    ])
    expect(list[1]).toMatchObject({
      title: 'First post',
      date: '2023-04-01T09:30:00+02:00',
      tags: ['hugo', 'toml'],
      draft: false,
    })
    expect(list[0]).toMatchObject({
      title: 'A page bundle',
      draft: true,
      tags: ['bundle', 'images'],
    })
    expect(list[2]).toMatchObject({ title: 'About (JSON front matter)', tags: ['meta'] })
    const created = await createArticle(ws, 'New Hugo Post', now)
    expect(created.path).toBe('content/posts/new-hugo-post.md')
    expect(created.text.startsWith('+++\ntitle = "New Hugo Post"\ndate = 2025-01-02\n')).toBe(true)
  })

  it('Jekyll: _posts with date prefixes, _drafts are drafts, pages are not articles', async () => {
    const ws = await open('jekyll')
    expect(ws.layout).toBe('jekyll')
    expect(ws.config).toMatchObject({
      title: 'Jekyll Fixture',
      baseUrl: 'https://jekyll.example.org/blog/',
      author: 'Jay Kyll',
    })
    const list = await listArticles(ws)
    expect(list.map((a) => [a.path, a.date, a.draft])).toEqual([
      ['_posts/2021-07-04-crlf.md', '2021-07-04 10:00:00 -0500', false],
      ['_posts/2021-06-01-welcome-to-jekyll.md', '2021-06-01', false],
      ['_drafts/unfinished-thought.md', null, true],
    ])
    expect(list[1].tags).toEqual(['jekyll', 'ruby'])
    const created = await createArticle(ws, 'Jekyll new', now)
    expect(created.path).toBe('_posts/2025-01-02-jekyll-new.md')
  })

  it('Hexo: source/_posts and source/_drafts, BOM and unicode kept', async () => {
    const ws = await open('hexo')
    expect(ws.layout).toBe('hexo')
    expect(ws.config.language).toBe('zh-CN')
    const list = await listArticles(ws)
    expect(list.map((a) => [a.path, a.title, a.draft])).toEqual([
      ['source/_posts/hello-world.md', '你好，世界', false],
      ['source/_drafts/draft-post.md', 'Hexo draft', true],
    ])
    expect((await createArticle(ws, 'Über Café', now)).path).toBe('source/_posts/uber-cafe.md')
  })

  it('Eleventy: src/posts; data files are not articles', async () => {
    const ws = await open('eleventy')
    expect(ws.layout).toBe('eleventy')
    expect(ws.contentDir).toBe('src/posts')
    expect((await listArticles(ws)).map((a) => a.path)).toEqual(['src/posts/eleventy-post.md'])
    expect((await createArticle(ws, 'Eleventy new', now)).path).toBe('src/posts/eleventy-new.md')
  })

  it('Astro: src/content/blog with .md and .mdx, pubDate as the date', async () => {
    const ws = await open('astro')
    expect(ws.layout).toBe('astro')
    expect(ws.contentDir).toBe('src/content/blog')
    const list = await listArticles(ws)
    expect(list.map((a) => [a.path, a.date])).toEqual([
      ['src/content/blog/with-mdx.mdx', '2023-01-01'],
      ['src/content/blog/astro-post.md', 'Jul 08 2022'],
    ])
  })

  it('plain folder: every Markdown file, names with spaces, new articles at the root', async () => {
    const ws = await open('plain')
    expect(ws.layout).toBe('plain')
    const paths = (await listArticles(ws)).map((a) => a.path).sort()
    expect(paths).toEqual(['notes/my note with spaces.md', 'readme.md'])
    const created = await createArticle(ws, 'CON', now)
    expect(created.path).toBe('con-post.md')
    expect(await fs.readFile(path.join(ws.root, 'con-post.md'), 'utf8')).toBe(created.text)
  })

  it('Folio: posts and bundles as articles, pages apart', async () => {
    const ws = await open('folio')
    expect(ws.layout).toBe('folio')
    expect(ws.config.publish).toEqual([{ name: 'local', type: 'folder', path: '../out' }])
    expect((await listArticles(ws)).map((a) => a.path)).toEqual([
      'posts/bundle/index.md',
      'posts/commented.md',
    ])
  })
})
