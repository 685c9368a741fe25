import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  discardJournal,
  importAsset,
  listAssetUsage,
  listJournal,
  writeJournal,
} from '../../../src/core/workspace'
import { useTempFolders } from './tempFolder'

const { openFolder: open } = useTempFolders()

describe('journal of unsaved edits', () => {
  it('keeps the latest unsaved text per article until discarded', async () => {
    const ws = await open({ 'folio.yaml': 'title: T\n', 'posts/a.md': 'disk' })
    await writeJournal(ws, 'posts/a.md', 'draft 1', 'v1', new Date('2024-01-01T00:00:00Z'))
    await writeJournal(ws, 'posts/a.md', 'draft 2', 'v1', new Date('2024-01-01T00:00:01Z'))
    await writeJournal(ws, 'posts/new.md', 'never saved', null, new Date('2024-01-01T00:00:02Z'))
    expect(await listJournal(ws)).toEqual([
      {
        path: 'posts/a.md',
        text: 'draft 2',
        baseVersion: 'v1',
        savedAt: '2024-01-01T00:00:01.000Z',
      },
      {
        path: 'posts/new.md',
        text: 'never saved',
        baseVersion: null,
        savedAt: '2024-01-01T00:00:02.000Z',
      },
    ])
    await discardJournal(ws, 'posts/a.md')
    expect((await listJournal(ws)).map((e) => e.path)).toEqual(['posts/new.md'])
    expect(await fs.readFile(path.join(ws.root, 'posts/a.md'), 'utf8')).toBe('disk')
    await expect(writeJournal(ws, '../x.md', 't', null)).rejects.toMatchObject({
      code: 'outside-workspace',
    })
  })

  it('reports a damaged entry instead of hiding it', async () => {
    const ws = await open({ 'folio.yaml': 'title: T\n', '.folio/journal/bad.json': '{"path": ' })
    await expect(listJournal(ws)).rejects.toMatchObject({
      code: 'unreadable',
      path: '.folio/journal/bad.json',
    })
  })
})

describe('assets', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])

  it('imports into a bundle folder with a safe unique name and a relative link', async () => {
    const ws = await open({ 'folio.yaml': 'title: T\n', 'posts/trip/index.md': 'x' })
    const a = await importAsset(ws, 'posts/trip/index.md', 'Mon Été 2024 (1).PNG', png)
    expect(a).toEqual({
      path: 'posts/trip/mon-ete-2024-1.png',
      markdown: '![mon ete 2024 1](mon-ete-2024-1.png)',
    })
    expect(new Uint8Array(await fs.readFile(path.join(ws.root, a.path)))).toEqual(png)
    const same = await importAsset(ws, 'posts/trip/index.md', 'Mon Été 2024 (1).PNG', png)
    expect(same.path).toBe(a.path)
    const other = await importAsset(
      ws,
      'posts/trip/index.md',
      'mon-ete-2024-1.png',
      new Uint8Array([9]),
    )
    expect(other.path).toBe('posts/trip/mon-ete-2024-1-2.png')
    const hostile = await importAsset(ws, 'posts/trip/index.md', '../../etc/CON.jpg', png)
    expect(hostile.path).toBe('posts/trip/con-post.jpg')
  })

  it('imports into images/ beside a single-file Folio article, and the static folder for Hugo', async () => {
    const ws = await open({ 'folio.yaml': 'title: T\n', 'posts/a.md': 'x' })
    expect(await importAsset(ws, 'posts/a.md', 'shot.png', png)).toEqual({
      path: 'posts/images/shot.png',
      markdown: '![shot](images/shot.png)',
    })
    const hugo = await open({ 'hugo.toml': 'title = "H"\n', 'content/posts/a.md': 'x' })
    expect(await importAsset(hugo, 'content/posts/a.md', 'shot.png', png)).toEqual({
      path: 'static/images/shot.png',
      markdown: '![shot](/images/shot.png)',
    })
  })

  it('lists the files each article uses, missing ones, and unused media', async () => {
    const ws = await open({
      'folio.yaml': 'title: T\n',
      'posts/a.md':
        '---\ncover: images/cover.jpg\n---\n![x](images/used.png) ![m](images/missing.png) <img src="https://x.org/a.png">',
      'posts/images/used.png': 'u',
      'posts/images/cover.jpg': 'c',
      'posts/images/unused.gif': 'g',
      'posts/b/index.md': '![](pic.webp)',
      'posts/b/pic.webp': 'w',
      'posts/b/stray.jpg': 's',
    })
    const usage = await listAssetUsage(ws)
    expect(usage.used).toEqual({
      'posts/a.md': ['posts/images/used.png', 'posts/images/cover.jpg'],
      'posts/b/index.md': ['posts/b/pic.webp'],
    })
    expect(usage.missing).toEqual({ 'posts/a.md': ['images/missing.png'] })
    expect(usage.unused).toEqual(['posts/b/stray.jpg', 'posts/images/unused.gif'])
  })
})
