import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  duplicateArticle,
  listArticles,
  listTrash,
  readArticle,
  renameArticle,
  restoreArticle,
  saveArticleCopy,
  trashArticle,
} from '../../../src/core/workspace'
import { useTempFolders } from './tempFolder'

const { openFolder, folioWorkspace: workspace } = useTempFolders()
const read = (root: string, rel: string) => fs.readFile(path.join(root, rel), 'utf8')

describe('renameArticle', () => {
  it('renames a file and updates relative links to it in other articles and pages', async () => {
    const ws = await workspace({
      'posts/old-name.md': '---\ntitle: Old\n---\nSelf.',
      'posts/other.md':
        'See [it](old-name.md#part) and [ref].\n\n[ref]: ./old-name.md\n[ext](https://x.org/old-name.md)',
      'pages/about.md': '![i](../posts/old-name.md "t")',
      'posts/untouched.md': 'No links.',
    })
    const result = await renameArticle(ws, 'posts/old-name.md', 'New Name!')
    expect(result).toEqual({
      path: 'posts/new-name.md',
      updated: ['posts/other.md', 'pages/about.md'],
      skipped: [],
    })
    expect(await read(ws.root, 'posts/new-name.md')).toBe('---\ntitle: Old\n---\nSelf.')
    await expect(fs.access(path.join(ws.root, 'posts/old-name.md'))).rejects.toThrow()
    expect(await read(ws.root, 'posts/other.md')).toBe(
      'See [it](new-name.md#part) and [ref].\n\n[ref]: new-name.md\n[ext](https://x.org/old-name.md)',
    )
    expect(await read(ws.root, 'pages/about.md')).toBe('![i](../posts/new-name.md "t")')
  })

  it('renames a bundle folder with its images, and links into it', async () => {
    const ws = await workspace({
      'posts/trip/index.md': '![](photo.jpg)',
      'posts/trip/photo.jpg': 'JPG',
      'posts/other.md': '[trip](trip/) ![p](trip/photo.jpg)',
    })
    const result = await renameArticle(ws, 'posts/trip/index.md', 'journey')
    expect(result.path).toBe('posts/journey/index.md')
    expect(await read(ws.root, 'posts/journey/photo.jpg')).toBe('JPG')
    expect(await read(ws.root, 'posts/other.md')).toBe('[trip](journey/) ![p](journey/photo.jpg)')
  })

  it('keeps the Jekyll date prefix and refuses a name that is taken', async () => {
    const ws = await openFolder({
      '_config.yml': 'title: J\n',
      '_posts/2020-01-02-a.md': 'A',
      '_posts/2020-01-02-b.md': 'B',
    })
    expect((await renameArticle(ws, '_posts/2020-01-02-a.md', 'c')).path).toBe(
      '_posts/2020-01-02-c.md',
    )
    await expect(renameArticle(ws, '_posts/2020-01-02-c.md', 'b')).rejects.toMatchObject({
      code: 'exists',
    })
    expect(await read(ws.root, '_posts/2020-01-02-b.md')).toBe('B')
    expect(await read(ws.root, '_posts/2020-01-02-c.md')).toBe('A')
  })
})

describe('duplicateArticle and saveArticleCopy', () => {
  it('duplicates with a "(copy)" title and a unique slug, never overwriting', async () => {
    const ws = await workspace({
      'posts/a.md': '---\ntitle: A # c\n---\nBody',
      'posts/a-copy.md': 'taken',
    })
    const dup = await duplicateArticle(ws, 'posts/a.md')
    expect(dup.path).toBe('posts/a-copy-2.md')
    expect(dup.text).toBe('---\ntitle: A (copy) # c\n---\nBody')
    expect(await read(ws.root, 'posts/a-copy.md')).toBe('taken')
  })

  it('keeps both versions after a conflict: the editor text goes beside, with bundle images', async () => {
    const ws = await workspace({ 'posts/b/index.md': 'disk', 'posts/b/img.png': 'PNG' })
    const copy = await saveArticleCopy(ws, 'posts/b/index.md', 'mine')
    expect(copy.path).toBe('posts/b-copy/index.md')
    expect(await read(ws.root, 'posts/b-copy/index.md')).toBe('mine')
    expect(await read(ws.root, 'posts/b-copy/img.png')).toBe('PNG')
    expect(await read(ws.root, 'posts/b/index.md')).toBe('disk')
  })
})

describe('trash', () => {
  it('moves an article to .folio/trash, lists it, and restores it', async () => {
    const ws = await workspace({ 'posts/a.md': '---\ntitle: Alpha\n---\n', 'posts/b.md': 'b' })
    const entry = await trashArticle(ws, 'posts/a.md', new Date('2024-01-01T00:00:00Z'))
    expect((await listArticles(ws)).map((a) => a.path)).toEqual(['posts/b.md'])
    expect(await listTrash(ws)).toEqual([entry])
    expect(entry).toMatchObject({ originalPath: 'posts/a.md', title: 'Alpha', isBundle: false })
    const record = JSON.parse(await read(ws.root, `.folio/trash/${entry.id}/record.json`))
    expect(record.originalPath).toBe('posts/a.md')
    expect(await restoreArticle(ws, entry.id)).toBe('posts/a.md')
    expect(await read(ws.root, 'posts/a.md')).toBe('---\ntitle: Alpha\n---\n')
    expect(await listTrash(ws)).toEqual([])
  })

  it('restores beside an article that took the name meanwhile, never overwriting it', async () => {
    const ws = await workspace({
      'posts/a.md': 'first',
      'posts/k/index.md': 'bundle',
      'posts/k/i.png': 'i',
    })
    const first = await trashArticle(ws, 'posts/a.md')
    const bundle = await trashArticle(ws, 'posts/k/index.md')
    await fs.writeFile(path.join(ws.root, 'posts/a.md'), 'second')
    await fs.mkdir(path.join(ws.root, 'posts/k'))
    expect(await restoreArticle(ws, first.id)).toBe('posts/a-restored.md')
    expect(await read(ws.root, 'posts/a.md')).toBe('second')
    expect(await read(ws.root, 'posts/a-restored.md')).toBe('first')
    expect(await restoreArticle(ws, bundle.id)).toBe('posts/k-restored/index.md')
    expect(await read(ws.root, 'posts/k-restored/i.png')).toBe('i')
    await expect(restoreArticle(ws, bundle.id)).rejects.toMatchObject({ code: 'not-found' })
    await expect(restoreArticle(ws, '../../etc')).rejects.toMatchObject({
      code: 'invalid-argument',
    })
  })

  it('refuses to rename, copy or trash a path that is not an article (the root, .git, a photo)', async () => {
    const ws = await workspace({
      'posts/a.md': 'A',
      'posts/photo.jpg': 'JPG',
      '.git/index.md': 'not an article',
    })
    for (const bad of ['.', 'posts/..', 'posts', '.git/index.md', 'posts/photo.jpg']) {
      await expect(trashArticle(ws, bad)).rejects.toMatchObject({ code: 'invalid-argument' })
      await expect(renameArticle(ws, bad, 'moved')).rejects.toMatchObject({
        code: 'invalid-argument',
      })
      await expect(duplicateArticle(ws, bad)).rejects.toMatchObject({ code: 'invalid-argument' })
    }
    expect(await read(ws.root, '.git/index.md')).toBe('not an article')
    expect(await read(ws.root, 'posts/photo.jpg')).toBe('JPG')
    expect(await read(ws.root, 'posts/a.md')).toBe('A')
  })

  it('reads a trashed article no more: the path is gone', async () => {
    const ws = await workspace({ 'posts/a.md': 'x' })
    await trashArticle(ws, 'posts/a.md')
    await expect(readArticle(ws, 'posts/a.md')).rejects.toMatchObject({ code: 'not-found' })
  })
})
