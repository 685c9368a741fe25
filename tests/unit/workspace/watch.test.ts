import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleChangedEvent } from '../../../src/core/api'
import {
  contentHash,
  openWorkspace,
  readArticle,
  renameArticle,
  saveArticle,
  trashArticle,
  watchWorkspace,
  type WorkspaceWatch,
} from '../../../src/core/workspace'
import { makeFolder, removeFolder } from './tempFolder'

const made: string[] = []
const watches: WorkspaceWatch[] = []
afterEach(async () => {
  await Promise.all(watches.splice(0).map((w) => w.close()))
  await Promise.all(made.splice(0).map(removeFolder))
})

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for watcher events')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('watchWorkspace', () => {
  it('reports outside changes, additions and removals, but never Folio’s own saves', async () => {
    const root = await makeFolder({
      'folio.yaml': 'title: T\n',
      'posts/a.md': 'one',
      'posts/b.md': 'bee',
      'posts/d.md': 'dee',
    })
    made.push(root)
    const ws = await openWorkspace(root)
    const events: ArticleChangedEvent[] = []
    const w = watchWorkspace(ws, (e) => events.push(e))
    watches.push(w)
    await w.ready
    const doc = await readArticle(ws, 'posts/a.md')
    let version = doc.version
    for (let i = 0; i < 30; i++) {
      const r = await saveArticle(ws, 'posts/a.md', `mine ${i}`, version)
      if (r.status !== 'saved') throw new Error('save failed')
      version = r.version
    }
    await fs.writeFile(path.join(root, 'posts/b.md'), 'changed outside')
    await fs.writeFile(path.join(root, 'posts/c.md'), 'new outside')
    await fs.writeFile(path.join(root, 'posts/notes.txt'), 'not an article')
    await until(() => events.length >= 2)
    await fs.rm(path.join(root, 'posts/c.md'))
    await fs.rm(path.join(root, 'posts/d.md'))
    await until(() => events.filter((e) => e.kind === 'removed').length >= 2)
    // Give a late echo of the saves time to show up before asserting it never does.
    await new Promise((r) => setTimeout(r, 300))
    expect(events.filter((e) => e.path === 'posts/a.md')).toEqual([])
    expect(events).toContainEqual({
      path: 'posts/b.md',
      kind: 'changed',
      version: contentHash('changed outside'),
    })
    expect(events).toContainEqual({
      path: 'posts/c.md',
      kind: 'added',
      version: contentHash('new outside'),
    })
    expect(events).toContainEqual({ path: 'posts/c.md', kind: 'removed' })
    // d.md was never opened in Folio; its removal outside is still reported.
    expect(events).toContainEqual({ path: 'posts/d.md', kind: 'removed' })
    expect(events.map((e) => e.path)).not.toContain('posts/notes.txt')
  })

  it('does not report a touch that leaves the content unchanged', async () => {
    const root = await makeFolder({
      'folio.yaml': 'title: T\n',
      'posts/a.md': 'same',
    })
    made.push(root)
    const ws = await openWorkspace(root)
    await readArticle(ws, 'posts/a.md')
    const events: ArticleChangedEvent[] = []
    const w = watchWorkspace(ws, (e) => events.push(e))
    watches.push(w)
    await w.ready
    await fs.writeFile(path.join(root, 'posts/a.md'), 'same')
    await fs.writeFile(path.join(root, 'posts/marker.md'), 'marker')
    await until(() => events.some((e) => e.path === 'posts/marker.md'))
    await new Promise((r) => setTimeout(r, 200))
    expect(events.map((e) => e.path)).toEqual(['posts/marker.md'])
  })
})

describe('watchWorkspace and Folio’s own file operations', () => {
  it('does not report renames and trashing done by Folio', async () => {
    const root = await makeFolder({
      'folio.yaml': 'title: T\n',
      'posts/a.md': 'a',
      'posts/b.md': 'b',
    })
    made.push(root)
    const ws = await openWorkspace(root)
    const events: ArticleChangedEvent[] = []
    const w = watchWorkspace(ws, (e) => events.push(e))
    watches.push(w)
    await w.ready
    await renameArticle(ws, 'posts/a.md', 'renamed')
    await trashArticle(ws, 'posts/b.md')
    await fs.writeFile(path.join(root, 'posts/marker.md'), 'marker')
    await until(() => events.some((e) => e.path === 'posts/marker.md'))
    await new Promise((r) => setTimeout(r, 200))
    expect(events.map((e) => e.path)).toEqual(['posts/marker.md'])
  })
})
