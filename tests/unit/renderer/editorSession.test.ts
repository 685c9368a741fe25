import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiMethods } from '../../../src/core/api'
import type { FolioApi, FolioBridge, FolioEventName, FolioEvents } from '../../../src/core/api'
import { createFolioService } from '../../../src/core/service'
import type { FolioService } from '../../../src/core/service'
import { createFolioApi } from '../../../src/renderer/src/api/createFolioApi'
import { EditorSession } from '../../../src/renderer/src/state/editorSession'

/** The renderer's API over the real core service, as the web server and IPC carry it. */
function apiOver(service: FolioService): FolioApi {
  const bridge: Record<string, unknown> = {}
  for (const method of apiMethods) bridge[method] = (input: unknown) => service.call(method, input)
  bridge.on = <E extends FolioEventName>(event: E, listener: (p: FolioEvents[E]) => void) =>
    service.subscribe((name, payload) => {
      if ((name as string) === event) listener(payload as FolioEvents[E])
    })
  return createFolioApi(bridge as FolioBridge)
}

function typeInto(session: EditorSession, path: string, text: string): void {
  // Without a view, edits go through the stored state like a keystroke would.
  const state = session.stateOf(path)
  if (!state) throw new Error('not open')
  const internal = session as unknown as {
    tabs: Map<string, { state: typeof state }>
    publish(): void
  }
  const tab = internal.tabs.get(path)
  if (!tab) throw new Error('not open')
  tab.state = state.update({ changes: { from: state.doc.length, insert: text } }).state
  internal.publish()
}

let dir: string
let service: FolioService
let api: FolioApi

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folio-session-'))
  await mkdir(join(dir, 'posts'))
  await writeFile(join(dir, 'folio.yaml'), 'title: Test blog\n')
  await writeFile(join(dir, 'posts', 'a.md'), '---\ntitle: A\n---\n\nFirst.\n')
  service = createFolioService({
    mode: 'web',
    version: 'test',
    assetBase: '/workspace-file/',
    secrets: async () => undefined,
  })
  const opened = await service.open(dir)
  expect(opened.ok).toBe(true)
  api = apiOver(service)
})

afterEach(async () => {
  await service.dispose()
  await rm(dir, { recursive: true, force: true })
})

describe('EditorSession', () => {
  it('opens an article clean and marks it dirty once the text differs from disk', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
    typeInto(session, 'posts/a.md', 'More.\n')
    expect(session.getSnapshot().tabs[0].dirty).toBe(true)
  })

  it('saves the editor text to the file and is clean afterwards', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    typeInto(session, 'posts/a.md', 'Saved words.\n')
    await session.save('posts/a.md')
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toContain('Saved words.')
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
  })

  it('saves a Windows (CRLF) article with CRLF line breaks, changing only the edited line', async () => {
    await writeFile(
      join(dir, 'posts', 'w.md'),
      '---\r\ntitle: W\r\n---\r\n\r\nLine one.\r\nLine two.\r\n',
    )
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/w.md')
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
    typeInto(session, 'posts/w.md', 'Line three.\nLine four.')
    await session.save('posts/w.md')
    expect(await readFile(join(dir, 'posts', 'w.md'), 'utf8')).toBe(
      '---\r\ntitle: W\r\n---\r\n\r\nLine one.\r\nLine two.\r\nLine three.\r\nLine four.',
    )
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
  })

  it('raises a conflict with both versions when the file changed on disk, and never overwrites it silently', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await writeFile(join(dir, 'posts', 'a.md'), '---\ntitle: A\n---\n\nTheirs.\n')
    typeInto(session, 'posts/a.md', 'Mine.\n')
    await session.save('posts/a.md')
    const conflict = session.getSnapshot().conflict
    expect(conflict?.diskText).toContain('Theirs.')
    expect(conflict?.mine).toContain('Mine.')
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).not.toContain('Mine.')
  })

  it('saves every tab before another folder opens, and names the tabs it could not save', async () => {
    await writeFile(join(dir, 'posts', 'b.md'), '---\ntitle: B\n---\n\nSecond.\n')
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await session.open('posts/b.md')
    typeInto(session, 'posts/a.md', 'Kept A.\n')
    typeInto(session, 'posts/b.md', 'Mine B.\n')
    await writeFile(join(dir, 'posts', 'b.md'), 'Theirs B.\n')
    expect(await session.saveAllBeforeLeaving()).toEqual(['posts/b.md'])
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toContain('Kept A.')
    expect(await readFile(join(dir, 'posts', 'b.md'), 'utf8')).toBe('Theirs B.\n')
    await session.resolveConflict('mine')
    expect(await session.saveAllBeforeLeaving()).toEqual([])
  })

  it('says why a file changed into something that is not text cannot be shown, and keeps both', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    // A co-author's editor saved the article as Windows-1252: "Café" with a 0xE9 byte.
    const theirs = Buffer.from('---\ntitle: A\n---\n\nCaf\xe9 paragraph.\n', 'latin1')
    await writeFile(join(dir, 'posts', 'a.md'), theirs)
    typeInto(session, 'posts/a.md', 'Mine.\n')
    await session.save('posts/a.md')
    const conflict = session.getSnapshot().conflict
    expect(conflict?.diskText).toBeNull()
    expect(conflict?.diskProblem).toContain('is not valid UTF-8 text')
    const copy = await session.resolveConflict('both')
    expect(copy && (await readFile(join(dir, copy.path), 'utf8'))).toContain('Mine.')
    expect(await readFile(join(dir, 'posts', 'a.md'))).toEqual(theirs)
  })

  it('waits for a save already running before it says whether every tab is saved', async () => {
    const slow: FolioApi = {
      ...api,
      saveArticle: async (input) => {
        await new Promise((resolve) => setTimeout(resolve, 200))
        return api.saveArticle(input)
      },
    }
    const session = new EditorSession(slow, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    typeInto(session, 'posts/a.md', 'Autosaved.\n')
    const autosave = session.save('posts/a.md')
    typeInto(session, 'posts/a.md', 'Typed during it.\n')
    expect(await session.saveAllBeforeLeaving()).toEqual([])
    await autosave
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toContain('Typed during it.')
  })

  it('keeps mine: writes the editor text over the changed file', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await writeFile(join(dir, 'posts', 'a.md'), 'Theirs.\n')
    typeInto(session, 'posts/a.md', 'Mine.\n')
    await session.save('posts/a.md')
    await session.resolveConflict('mine')
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toContain('Mine.')
    expect(session.getSnapshot().conflict).toBeNull()
  })

  it('takes theirs: the editor shows the disk text and is clean', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await writeFile(join(dir, 'posts', 'a.md'), 'Theirs.\n')
    typeInto(session, 'posts/a.md', 'Mine.\n')
    await session.save('posts/a.md')
    await session.resolveConflict('theirs')
    expect(session.stateOf('posts/a.md')?.doc.toString()).toBe('Theirs.\n')
    expect(session.getSnapshot().tabs[0].dirty).toBe(false)
  })

  it('reloads an unmodified article that changed on disk', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await writeFile(join(dir, 'posts', 'a.md'), 'Changed elsewhere.\n')
    await session.articleChanged({ path: 'posts/a.md', kind: 'changed', version: 'new' })
    expect(session.stateOf('posts/a.md')?.doc.toString()).toBe('Changed elsewhere.\n')
  })

  it('flags, but does not reload, a modified article that changed on disk', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    typeInto(session, 'posts/a.md', 'Unsaved.\n')
    await session.articleChanged({ path: 'posts/a.md', kind: 'changed', version: 'other' })
    expect(session.getSnapshot().tabs[0].changedOnDisk).toBe(true)
    expect(session.stateOf('posts/a.md')?.doc.toString()).toContain('Unsaved.')
  })

  it('ignores the watcher echo of its own save', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    typeInto(session, 'posts/a.md', 'Mine.\n')
    await session.save('posts/a.md')
    const version = session.getSnapshot().tabs[0].article.version as string
    typeInto(session, 'posts/a.md', 'More.\n')
    await session.articleChanged({ path: 'posts/a.md', kind: 'changed', version })
    expect(session.getSnapshot().tabs[0].changedOnDisk).toBe(false)
  })

  it('shows a failed save on the tab with the reason and path', async () => {
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    await rm(join(dir, 'posts'), { recursive: true })
    await writeFile(join(dir, 'posts'), 'now a file')
    typeInto(session, 'posts/a.md', 'Lost?\n')
    await session.save('posts/a.md')
    const tab = session.getSnapshot().tabs[0]
    expect(tab.saveError?.message).toBeTruthy()
    expect(tab.dirty).toBe(true)
  })

  it('autosaves after the author stops typing', async () => {
    const session = new EditorSession(api, { autosaveMs: 50 })
    await session.open('posts/a.md')
    typeInto(session, 'posts/a.md', 'Autosaved.\n')
    ;(session as unknown as { scheduleAutosave(p: string): void }).scheduleAutosave('posts/a.md')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await readFile(join(dir, 'posts', 'a.md'), 'utf8')).toContain('Autosaved.')
  })

  it('keeps each tab’s unsaved text when switching tabs', async () => {
    await writeFile(join(dir, 'posts', 'b.md'), 'B text\n')
    const session = new EditorSession(api, { autosaveMs: 60_000 })
    await session.open('posts/a.md')
    typeInto(session, 'posts/a.md', 'Edit in A.\n')
    await session.open('posts/b.md')
    session.activate('posts/a.md')
    expect(session.stateOf('posts/a.md')?.doc.toString()).toContain('Edit in A.')
    expect(session.getSnapshot().activePath).toBe('posts/a.md')
    expect(session.getSnapshot().tabs.map((t) => t.article.path)).toEqual([
      'posts/a.md',
      'posts/b.md',
    ])
  })
})
