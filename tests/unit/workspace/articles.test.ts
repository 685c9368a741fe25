import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  contentHash,
  createArticle,
  listArticles,
  loadArticles,
  loadPages,
  readArticle,
  resolveInside,
  saveArticle,
} from '../../../src/core/workspace'
import { useTempFolders } from './tempFolder'

const { folder, folioWorkspace: workspace } = useTempFolders()

describe('resolveInside', () => {
  it('resolves paths inside and refuses escapes', async () => {
    const ws = await workspace({ 'posts/a.md': 'x' })
    expect(await resolveInside(ws, 'posts/a.md')).toBe(path.join(ws.root, 'posts', 'a.md'))
    expect(await resolveInside(ws, 'posts/new/b.md')).toBe(
      path.join(ws.root, 'posts', 'new', 'b.md'),
    )
    for (const bad of ['../x.md', 'posts/../../x.md', '/etc/passwd', 'a\0b.md', 'C:\\x.md']) {
      await expect(resolveInside(ws, bad), bad).rejects.toMatchObject({
        code: 'outside-workspace',
      })
    }
  })

  it('refuses symlinks whose real location is outside, even for files below them', async () => {
    const ws = await workspace({ 'posts/a.md': 'x' })
    const outside = await folder({ 'secret.md': 'secret' })
    await fs.symlink(path.join(outside, 'secret.md'), path.join(ws.root, 'posts', 'link.md'))
    await fs.symlink(outside, path.join(ws.root, 'posts', 'dir'))
    await fs.symlink(path.join(outside, 'missing.md'), path.join(ws.root, 'posts', 'dangling.md'))
    await expect(resolveInside(ws, 'posts/link.md')).rejects.toMatchObject({
      code: 'outside-workspace',
      path: 'posts/link.md',
    })
    await expect(resolveInside(ws, 'posts/dir/new.md')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    await expect(resolveInside(ws, 'posts/dangling.md')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    await expect(readArticle(ws, 'posts/link.md')).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    await expect(saveArticle(ws, 'posts/dir/new.md', 'x', null)).rejects.toMatchObject({
      code: 'outside-workspace',
    })
    const listed = (await listArticles(ws)).map((a) => a.path)
    expect(listed).toEqual(['posts/a.md'])
  })
})

describe('listArticles', () => {
  it('lists articles newest first with their front matter fields', async () => {
    const ws = await workspace({
      'posts/old.md': '---\ntitle: Old\ndate: 2020-01-01\ntags: [x]\n---\nbody',
      'posts/new.md': '---\ntitle: New\ndate: 2024-03-01\ndraft: true\ndescription: D\n---\nbody',
      'posts/bundle/index.md': '---\ntitle: Bundle\ndate: 2022-05-05\n---\n',
      'posts/bundle/notes.md': 'a resource of the bundle',
      'posts/nodate.md': 'no front matter',
      'pages/about.md': '---\ntitle: About\n---\n',
      'posts/.hidden.md': 'x',
      'posts/image.png': 'png',
    })
    const list = await listArticles(ws)
    expect(list.map((a) => a.path)).toEqual([
      'posts/new.md',
      'posts/bundle/index.md',
      'posts/old.md',
      'posts/nodate.md',
    ])
    expect(list[0]).toMatchObject({
      title: 'New',
      date: '2024-03-01',
      draft: true,
      description: 'D',
      tags: [],
    })
    expect(list[2]).toMatchObject({
      title: 'Old',
      tags: ['x'],
      draft: false,
      size: 50,
    })
    expect(list[3]).toMatchObject({ title: 'nodate', date: null })
  })

  it('lists broken articles with their problem instead of failing', async () => {
    const ws = await workspace({
      'posts/bad-yaml.md': '---\ntitle: x\ntags: [a\n---\nbody',
      'posts/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      'posts/latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    })
    const byPath = Object.fromEntries((await listArticles(ws)).map((a) => [a.path, a]))
    expect(byPath['posts/bad-yaml.md'].error).toMatchObject({
      code: 'frontmatter',
      path: 'posts/bad-yaml.md',
      line: 3,
    })
    expect(byPath['posts/binary.md'].error).toMatchObject({
      code: 'unreadable',
    })
    expect(byPath['posts/latin1.md'].error).toMatchObject({
      code: 'unreadable',
    })
  })

  it('reads only the front matter of long articles', async () => {
    const body = 'word '.repeat(2_000_000)
    const ws = await workspace({
      'posts/long.md': `---\ntitle: Long\n---\n${body}\u0000`,
    })
    const [long] = await listArticles(ws)
    // A NUL byte near the end would make a full read unreadable; the listing never sees it.
    expect(long).toMatchObject({ title: 'Long' })
    expect(long.error).toBeUndefined()
  })
})

describe('readArticle', () => {
  it('returns the exact text (BOM and CRLF kept) and the sha256 of its bytes', async () => {
    const text = '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n'
    const ws = await workspace({ 'posts/a.md': text })
    const doc = await readArticle(ws, 'posts/a.md')
    expect(doc.text).toBe(text)
    expect(doc.version).toBe(contentHash(Buffer.from(text)))
    expect(doc.error).toBeUndefined()
  })

  it('opens an article with broken front matter as text, with the problem and line', async () => {
    const ws = await workspace({ 'posts/a.md': '+++\ntitle = \n+++\nBody' })
    const doc = await readArticle(ws, 'posts/a.md')
    expect(doc.text).toBe('+++\ntitle = \n+++\nBody')
    expect(doc.error).toMatchObject({
      code: 'frontmatter',
      line: 2,
      path: 'posts/a.md',
    })
  })

  it('refuses binary, invalid UTF-8, missing and too large files', async () => {
    const ws = await workspace({
      'posts/bin.md': new Uint8Array([1, 0, 2]),
      'posts/bad.md': new Uint8Array([0xff, 0xfe, 0x41]),
    })
    await fs.writeFile(path.join(ws.root, 'posts/huge.md'), Buffer.alloc(21 * 1024 * 1024, 0x61))
    await expect(readArticle(ws, 'posts/bin.md')).rejects.toMatchObject({
      code: 'unreadable',
      path: 'posts/bin.md',
    })
    await expect(readArticle(ws, 'posts/bad.md')).rejects.toMatchObject({
      code: 'unreadable',
    })
    await expect(readArticle(ws, 'posts/none.md')).rejects.toMatchObject({
      code: 'not-found',
      path: 'posts/none.md',
    })
    await expect(readArticle(ws, 'posts/huge.md')).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/20 MB/),
    })
  })
})

describe('saveArticle', () => {
  it('saves when the disk still has the loaded version, and keeps the file mode', async () => {
    const ws = await workspace({ 'posts/a.md': 'old' })
    const abs = path.join(ws.root, 'posts/a.md')
    await fs.chmod(abs, 0o640)
    const doc = await readArticle(ws, 'posts/a.md')
    const result = await saveArticle(ws, 'posts/a.md', 'new ✓', doc.version)
    expect(result).toMatchObject({
      status: 'saved',
      version: contentHash(Buffer.from('new ✓')),
    })
    expect(await fs.readFile(abs, 'utf8')).toBe('new ✓')
    expect((await fs.stat(abs)).mode & 0o777).toBe(0o640)
    expect((await fs.readdir(path.dirname(abs))).sort()).toEqual(['a.md'])
  })

  it('answers with the list entry of what it wrote: the new title, date and tags', async () => {
    const ws = await workspace({ 'posts/a.md': '---\ntitle: Old\n---\nBody\n' })
    const doc = await readArticle(ws, 'posts/a.md')
    const text = '---\ntitle: New\ndate: 2026-12-01\ntags: [sea]\n---\nBody\n'
    const result = await saveArticle(ws, 'posts/a.md', text, doc.version)
    expect(result).toMatchObject({
      status: 'saved',
      summary: { path: 'posts/a.md', title: 'New', date: '2026-12-01', tags: ['sea'] },
    })
  })

  it('returns a conflict and writes nothing when the file changed on disk', async () => {
    const ws = await workspace({ 'posts/a.md': 'old' })
    const doc = await readArticle(ws, 'posts/a.md')
    await fs.writeFile(path.join(ws.root, 'posts/a.md'), 'theirs')
    const result = await saveArticle(ws, 'posts/a.md', 'mine', doc.version)
    expect(result).toEqual({
      status: 'conflict',
      diskText: 'theirs',
      diskVersion: contentHash(Buffer.from('theirs')),
    })
    expect(await fs.readFile(path.join(ws.root, 'posts/a.md'), 'utf8')).toBe('theirs')
  })

  it('treats a file deleted outside, or one created where none was expected, as a conflict', async () => {
    const ws = await workspace({ 'posts/a.md': 'old' })
    const doc = await readArticle(ws, 'posts/a.md')
    await fs.rm(path.join(ws.root, 'posts/a.md'))
    expect(await saveArticle(ws, 'posts/a.md', 'mine', doc.version)).toEqual({
      status: 'conflict',
      diskText: null,
      diskVersion: null,
    })
    await fs.writeFile(path.join(ws.root, 'posts/b.md'), 'exists')
    expect(await saveArticle(ws, 'posts/b.md', 'mine', null)).toMatchObject({
      status: 'conflict',
      diskText: 'exists',
    })
    expect(await saveArticle(ws, 'posts/c/new.md', 'fresh', null)).toMatchObject({
      status: 'saved',
    })
    expect(await fs.readFile(path.join(ws.root, 'posts/c/new.md'), 'utf8')).toBe('fresh')
  })

  it('refuses to save over a read-only file, naming it, and leaves it unchanged', async () => {
    const ws = await workspace({ 'posts/ro.md': 'locked' })
    const abs = path.join(ws.root, 'posts/ro.md')
    await fs.chmod(abs, 0o444)
    const doc = await readArticle(ws, 'posts/ro.md')
    await expect(saveArticle(ws, 'posts/ro.md', 'changed', doc.version)).rejects.toMatchObject({
      code: 'permission-denied',
      path: 'posts/ro.md',
    })
    expect(await fs.readFile(abs, 'utf8')).toBe('locked')
  })
})

describe('createArticle', () => {
  it('creates posts/<slug>.md with front matter, unique against files and bundles', async () => {
    const ws = await workspace({ 'posts/hello-world/index.md': 'bundle' })
    const now = new Date(2024, 4, 6, 12)
    const a = await createArticle(ws, 'Hello, World!', now)
    expect(a.path).toBe('posts/hello-world-2.md')
    expect(a.text).toBe(
      "---\ntitle: Hello, World!\ndate: 2024-05-06\ntags: []\ndescription: ''\n---\n\n",
    )
    expect(await fs.readFile(path.join(ws.root, a.path), 'utf8')).toBe(a.text)
    const b = await createArticle(ws, 'Hello World', now)
    expect(b.path).toBe('posts/hello-world-3.md')
    const c = await createArticle(ws, '★★★', now)
    expect(c.path).toBe('posts/untitled.md')
    const d = await createArticle(ws, 'title: "quoted" # not a comment', now)
    expect((await readArticle(ws, d.path)).error).toBeUndefined()
    const [listed] = (await listArticles(ws)).filter((x) => x.path === d.path)
    expect(listed.title).toBe('title: "quoted" # not a comment')
  })
})

describe('loadArticles and loadPages', () => {
  it('parses every article in full and the pages separately', async () => {
    const ws = await workspace({
      'posts/a.md':
        '---\ntitle: A\ndate: 2024-01-01\nupdated: 2024-02-01\nauthor: Ann\ntags: [x, y]\ndraft: true\n---\nHello\n',
      'posts/b.md': '---\ntitle: [\n---\nBroken\n',
      'pages/about.md': '---\ntitle: About\n---\nMe\n',
    })
    const articles = await loadArticles(ws)
    expect(articles[0]).toMatchObject({
      path: 'posts/a.md',
      slug: 'a',
      title: 'A',
      date: '2024-01-01',
      updated: '2024-02-01',
      author: 'Ann',
      tags: ['x', 'y'],
      draft: true,
      body: 'Hello\n',
      bodyStartLine: 9,
    })
    expect(articles[1]).toMatchObject({ path: 'posts/b.md', body: 'Broken\n' })
    expect(articles[1].error?.code).toBe('frontmatter')
    const pages = await loadPages(ws)
    expect(pages.map((p) => [p.path, p.title, p.body])).toEqual([
      ['pages/about.md', 'About', 'Me\n'],
    ])
  })
})

describe('saving through a symlink inside the workspace', () => {
  it('writes the real file and keeps the link', async () => {
    const ws = await workspace({ 'posts/real.md': 'old' })
    await fs.symlink('real.md', path.join(ws.root, 'posts/link.md'))
    const doc = await readArticle(ws, 'posts/link.md')
    expect(await saveArticle(ws, 'posts/link.md', 'new', doc.version)).toMatchObject({
      status: 'saved',
    })
    expect((await fs.lstat(path.join(ws.root, 'posts/link.md'))).isSymbolicLink()).toBe(true)
    expect(await fs.readFile(path.join(ws.root, 'posts/real.md'), 'utf8')).toBe('new')
  })
})
