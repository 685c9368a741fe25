import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleChangedEvent } from '../../../src/core/api'
import {
  contentHash,
  readArticle,
  renameArticle,
  saveArticle,
  trashArticle,
  watchWorkspace,
  type Workspace,
  type WorkspaceWatch,
} from '../../../src/core/workspace'
import { useTempFolders } from './tempFolder'
import { readOutsideChange, writingVersion } from '../../../src/core/workspace/versions'

const { folioWorkspace } = useTempFolders()
const watches: WorkspaceWatch[] = []
afterEach(async () => {
  await Promise.all(watches.splice(0).map((w) => w.close()))
})

/** Watches `ws` until the test ends; resolves once the watcher is ready, with the events it sends. */
async function watchEvents(ws: Workspace): Promise<ArticleChangedEvent[]> {
  const events: ArticleChangedEvent[] = []
  const w = watchWorkspace(ws, (e) => events.push(e))
  watches.push(w)
  await w.ready
  return events
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for watcher events')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('watchWorkspace', () => {
  it('reports outside changes, additions and removals, but never Folio’s own saves', async () => {
    const ws = await folioWorkspace({
      'posts/a.md': 'one',
      'posts/b.md': 'bee',
      'posts/d.md': 'dee',
    })
    const root = ws.root
    const events = await watchEvents(ws)
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

  it('does not take a save that a newer save replaced while the watcher read it for an outside change', async () => {
    // The registry of versions is by path only; no file is needed.
    const abs = path.join(os.tmpdir(), 'folio-versions-race', 'a.md')
    await writingVersion(abs, 'mine 1', async () => {})
    // The watcher reads "mine 1"; before it judges what it read, Folio saves "mine 2".
    const raced = await readOutsideChange(abs, async () => {
      await writingVersion(abs, 'mine 2', async () => {})
      return 'mine 1'
    })
    expect(raced).toBeNull()
    // Read again without a save in between, another program's version is reported.
    expect(await readOutsideChange(abs, async () => 'theirs')).toEqual({
      version: 'theirs',
      before: 'mine 2',
    })
    expect(await readOutsideChange(abs, async () => 'mine 2')).toBeNull()
  })

  it('does not report a touch that leaves the content unchanged', async () => {
    const ws = await folioWorkspace({ 'posts/a.md': 'same' })
    await readArticle(ws, 'posts/a.md')
    const events = await watchEvents(ws)
    await fs.writeFile(path.join(ws.root, 'posts/a.md'), 'same')
    await fs.writeFile(path.join(ws.root, 'posts/marker.md'), 'marker')
    await until(() => events.some((e) => e.path === 'posts/marker.md'))
    await new Promise((r) => setTimeout(r, 200))
    expect(events.map((e) => e.path)).toEqual(['posts/marker.md'])
  })
})

describe('watchWorkspace and Folio’s own file operations', () => {
  it('does not report renames and trashing done by Folio', async () => {
    const ws = await folioWorkspace({ 'posts/a.md': 'a', 'posts/b.md': 'b' })
    const events = await watchEvents(ws)
    await renameArticle(ws, 'posts/a.md', 'renamed')
    await trashArticle(ws, 'posts/b.md')
    await fs.writeFile(path.join(ws.root, 'posts/marker.md'), 'marker')
    await until(() => events.some((e) => e.path === 'posts/marker.md'))
    await new Promise((r) => setTimeout(r, 200))
    expect(events.map((e) => e.path)).toEqual(['posts/marker.md'])
  })
})
