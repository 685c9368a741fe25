import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { undoDepth } from '@codemirror/commands'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiMethods } from '../../../src/core/api'
import type { FolioApi, FolioBridge, FolioEventName, FolioEvents } from '../../../src/core/api'
import { createFolioService } from '../../../src/core/service'
import type { FolioService } from '../../../src/core/service'
import { createFolioApi } from '../../../src/renderer/src/api/createFolioApi'
import { articlePathOf } from '../../../src/renderer/src/editor/articlePath'
import { EditorSession } from '../../../src/renderer/src/state/editorSession'

function apiOver(service: FolioService): FolioApi {
  const bridge: Record<string, unknown> = {}
  for (const method of apiMethods) bridge[method] = (input: unknown) => service.call(method, input)
  bridge.on = <E extends FolioEventName>(event: E, listener: (p: FolioEvents[E]) => void) =>
    service.subscribe((name, payload) => {
      if ((name as FolioEventName) === event) listener(payload as FolioEvents[E])
    })
  return createFolioApi(bridge as FolioBridge)
}

function typeAtEnd(session: EditorSession, path: string, text: string): void {
  const state = session.stateOf(path)
  if (!state) throw new Error(`${path} is not open`)
  session.update(path, { changes: { from: state.doc.length, insert: text } })
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let dir: string
let service: FolioService
let api: FolioApi

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folio-recovery-'))
  await mkdir(join(dir, 'posts'))
  await writeFile(join(dir, 'folio.yaml'), 'title: Test blog\n')
  await writeFile(join(dir, 'posts', 'a.md'), '---\ntitle: A\n---\n\nFirst.\n')
  await writeFile(join(dir, 'posts', 'b.md'), '---\ntitle: B\n---\n\nSee [A](a.md).\n')
  service = createFolioService({
    mode: 'web',
    version: 'test',
    assetBase: '/workspace-file/',
    secrets: async () => undefined,
  })
  expect((await service.open(dir)).ok).toBe(true)
  api = apiOver(service)
})

afterEach(async () => {
  await service.dispose()
  await rm(dir, { recursive: true, force: true })
})

describe('the crash journal', () => {
  it('journals unsaved edits within a second, without saving the file', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000, journalMs: 50 })
    await session.open('posts/a.md')
    typeAtEnd(session, 'posts/a.md', 'Not saved yet.\n')
    await wait(400)
    const entries = await api.listJournal({})
    expect(entries.map((e) => e.path)).toEqual(['posts/a.md'])
    expect(entries[0].text).toContain('Not saved yet.')
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).not.toContain('Not saved yet.')
  })

  it('drops the journal entry once the article is saved', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000, journalMs: 20 })
    await session.open('posts/a.md')
    typeAtEnd(session, 'posts/a.md', 'Saved soon.\n')
    await wait(200)
    await session.save('posts/a.md')
    await wait(200)
    expect(await api.listJournal({})).toEqual([])
  })

  it('journals again the text typed while a slow save ran (the save drops the entry it finds)', async () => {
    // A slow disk: the save takes longer than the journal's delay.
    const slow = {
      ...api,
      saveArticle: async (input: Parameters<FolioApi['saveArticle']>[0]) => {
        await wait(300)
        return api.saveArticle(input)
      },
    }
    const session = new EditorSession(slow, { autosaveMs: 60_000, journalMs: 100 })
    await session.open('posts/a.md')
    typeAtEnd(session, 'posts/a.md', 'Saved paragraph.\n')
    const saving = session.save('posts/a.md')
    typeAtEnd(session, 'posts/a.md', 'Typed while saving.\n')
    await saving
    await wait(300)
    expect(session.getSnapshot().tabs[0].dirty).toBe(true)
    const journal = await api.listJournal({})
    expect(journal.map((entry) => entry.path)).toEqual(['posts/a.md'])
    expect(journal[0].text).toContain('Typed while saving.')
  })

  it('restores a journaled text as unsaved edits in a new session', async () => {
    const first = new EditorSession(api, { autosaveMs: 60_000, journalMs: 20 })
    await first.open('posts/a.md')
    typeAtEnd(first, 'posts/a.md', 'Back after the crash.\n')
    await wait(200)
    const [entry] = await api.listJournal({})

    const second = new EditorSession(api, { autosaveMs: 60_000 })
    await second.restoreJournal(entry)
    const snapshot = second.getSnapshot()
    expect(snapshot.activePath).toBe('posts/a.md')
    expect(snapshot.tabs[0].dirty).toBe(true)
    expect(snapshot.conflict).toBeNull()
    expect(second.stateOf('posts/a.md')?.doc.toString()).toContain('Back after the crash.')
  })

  it('opens the conflict dialog when the file changed on disk since the journal was written', async () => {
    const first = new EditorSession(api, { autosaveMs: 60_000, journalMs: 20 })
    await first.open('posts/a.md')
    typeAtEnd(first, 'posts/a.md', 'Journaled.\n')
    await wait(200)
    const [entry] = await api.listJournal({})
    await writeFile(join(dir, 'posts', 'a.md'), 'Changed by git pull.\n')

    const second = new EditorSession(api, { autosaveMs: 60_000 })
    await second.restoreJournal(entry)
    const conflict = second.getSnapshot().conflict
    expect(conflict?.mine).toContain('Journaled.')
    expect(conflict?.diskText).toBe('Changed by git pull.\n')
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toBe('Changed by git pull.\n')
  })
})

describe('Windows (CRLF) articles', () => {
  it('restores a journal without a conflict when the disk now holds the same text', async () => {
    await writeFile(join(dir, 'posts', 'a.md'), '---\r\ntitle: A\r\n---\r\n\r\nFirst.\r\n')
    const first = new EditorSession(api, { autosaveMs: 60_000, journalMs: 20 })
    await first.open('posts/a.md')
    typeAtEnd(first, 'posts/a.md', 'Saved elsewhere.')
    await wait(200)
    const [entry] = await api.listJournal({})
    // The same words reach the disk another way (a second window's save), in the file's CRLF.
    await writeFile(join(dir, 'posts', 'a.md'), entry.text.replace(/\n/g, '\r\n'))

    const second = new EditorSession(api, { autosaveMs: 60_000 })
    await second.restoreJournal(entry)
    expect(second.getSnapshot().conflict).toBeNull()
    expect(second.stateOf('posts/a.md')?.doc.toString()).toContain('Saved elsewhere.')
  })

  it('keeps the cursor and undo history of a clean tab when its article is renamed', async () => {
    await writeFile(join(dir, 'posts', 'a.md'), '---\r\ntitle: A\r\n---\r\n\r\nFirst.\r\n')
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    session.update('posts/a.md', { selection: { anchor: 20 } })
    const result = await session.renameArticle('posts/a.md', 'alpha')
    const state = session.stateOf(result.path)!
    expect(state.selection.main.head).toBe(20)
    expect(undoDepth(state)).toBe(0)
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
  })
})

describe('keep both after a conflict', () => {
  it('writes the editor text as a copy and loads the disk version', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await writeFile(join(dir, 'posts', 'a.md'), 'Theirs.\n')
    typeAtEnd(session, 'posts/a.md', 'Mine.\n')
    await session.save('posts/a.md')
    const copy = await session.resolveConflict('both')
    expect(copy && copy.path).not.toBe('posts/a.md')
    expect(await readFile(join(dir, (copy as { path: string }).path), 'utf8')).toContain('Mine.')
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toBe('Theirs.\n')
    expect(session.stateOf('posts/a.md')?.doc.toString()).toBe('Theirs.\n')
    expect(session.getSnapshot().conflict).toBeNull()
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
  })
})

describe('renaming an open article', () => {
  it('moves the tab to the new path with its unsaved text, and saves there', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    typeAtEnd(session, 'posts/a.md', 'Typed before.\n')
    const result = await session.renameArticle('posts/a.md', 'alpha')
    typeAtEnd(session, result.path, 'Typed after.\n')
    const snapshot = session.getSnapshot()
    expect(snapshot.activePath).toBe(result.path)
    expect(snapshot.tabs.map((t) => t.article.path)).toEqual([result.path])
    expect(snapshot.tabs[0].dirty).toBe(true)
    expect(articlePathOf(session.stateOf(result.path)!)).toBe(result.path)
    await session.save(result.path)
    expect(await readFile(join(dir, result.path), 'utf8')).toContain('Typed after.')
    expect(await readdir(join(dir, 'posts'))).not.toContain('a.md')
    expect(await readFile(join(dir, 'posts', 'b.md'), 'utf8')).toContain('(alpha.md)')
  })

  it('saves text typed while the rename runs at the new path, never at the old one', async () => {
    // An autosave comes due in the middle of the rename: the file has moved, but the answer
    // has not reached the page yet.
    let releaseRename: () => void = () => undefined
    const slowApi: FolioApi = {
      ...api,
      renameArticle: async (input) => {
        const result = await api.renameArticle(input)
        await new Promise<void>((resolve) => (releaseRename = resolve))
        return result
      },
    }
    const session = new EditorSession(slowApi, { autosaveMs: 10, journalMs: 10 })
    await session.open('posts/a.md')
    const renamed = session.renameArticle('posts/a.md', 'alpha')
    await wait(20)
    typeAtEnd(session, 'posts/a.md', 'Typed during the rename.\n')
    await wait(100)
    releaseRename()
    const result = await renamed
    await wait(100)
    const snapshot = session.getSnapshot()
    expect(snapshot.conflict).toBeNull()
    expect(snapshot.tabs.map((t) => [t.article.path, t.dirty])).toEqual([[result.path, false]])
    expect(await readFile(join(dir, result.path), 'utf8')).toContain('Typed during the rename.')
    expect(await readdir(join(dir, 'posts'))).not.toContain('a.md')
    expect(await api.listJournal({})).toEqual([])
  })

  it('moves the tab with the file even when the renamed file cannot be read back', async () => {
    let failRead = true
    const errors: string[] = []
    const flakyApi: FolioApi = {
      ...api,
      readArticle: async (input) => {
        if (input.path === 'posts/alpha.md' && failRead) {
          failRead = false
          throw new Error('EIO: read')
        }
        return api.readArticle(input)
      },
    }
    const session = new EditorSession(flakyApi, {
      autosaveMs: 10,
      journalMs: 10,
      onError: (err) => errors.push(String(err)),
    })
    await session.open('posts/a.md')
    const result = await session.renameArticle('posts/a.md', 'alpha')
    typeAtEnd(session, result.path, 'Typed after the rename.\n')
    await wait(150)
    expect(errors).toEqual(['Error: EIO: read'])
    expect(session.getSnapshot().tabs.map((t) => [t.article.path, t.dirty])).toEqual([
      [result.path, false],
    ])
    expect(session.getSnapshot().conflict).toBeNull()
    expect(await readFile(join(dir, result.path), 'utf8')).toContain('Typed after the rename.')
    expect(await readdir(join(dir, 'posts'))).not.toContain('a.md')
  })

  it('renames after a save that was overtaken by typing, saving that text at the new path', async () => {
    const slowSave: FolioApi = {
      ...api,
      saveArticle: async (input) => {
        await wait(50)
        return api.saveArticle(input)
      },
    }
    const session = new EditorSession(slowSave, { autosaveMs: 60_000, journalMs: 10 })
    await session.open('posts/a.md')
    typeAtEnd(session, 'posts/a.md', 'Saved first.\n')
    const renamed = session.renameArticle('posts/a.md', 'alpha')
    await wait(10)
    typeAtEnd(session, 'posts/a.md', 'Typed while it saved.\n')
    const result = await renamed
    expect(session.getSnapshot().tabs.map((t) => [t.article.path, t.dirty])).toEqual([
      [result.path, true],
    ])
    await session.save(result.path)
    expect(await readFile(join(dir, result.path), 'utf8')).toContain('Typed while it saved.')
    expect(await readdir(join(dir, 'posts'))).not.toContain('a.md')
  })

  it('refuses to rename an article whose edits cannot be saved, and keeps them', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await writeFile(join(dir, 'posts', 'a.md'), 'Changed by another program.\n')
    typeAtEnd(session, 'posts/a.md', 'Mine.\n')
    await expect(session.renameArticle('posts/a.md', 'alpha')).rejects.toThrow(/could not be saved/)
    expect(await readdir(join(dir, 'posts'))).toContain('a.md')
    expect(session.stateOf('posts/a.md')?.doc.toString()).toContain('Mine.')
  })
})
