import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import { FolioError } from '../../../src/core/errors'
import { publishSite, readPublishHistory } from '../../../src/core/publish'
import { createFolderTarget } from '../../../src/core/publish/targets/folderTarget'
import {
  readTree,
  sampleSite,
  secretsFrom,
  testOptions,
  uploadedFiles,
  usePublishFixtures,
  type PublishFixture,
} from './publishFixture'

const secrets = secretsFrom({})
const makeFixture = usePublishFixtures()

function setup(path = '../public'): Promise<PublishFixture> {
  return makeFixture([{ name: 'local', type: 'folder', path }])
}

describe('folder target', () => {
  it('publishes the whole site the first time, assets before pages before feeds', async () => {
    const f = await setup()
    const events: PublishProgressEvent[] = []
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets, events))
    expect(await readTree(join(f.dir, 'public'))).toEqual(sampleSite)
    expect(report.added.sort()).toEqual(Object.keys(sampleSite).sort())
    expect(report.changed).toEqual([])
    expect(report.location).toBe(join(f.dir, 'public'))
    const order = uploadedFiles(events)
    expect(order.indexOf('images/cat.png')).toBeLessThan(order.indexOf('posts/hello/index.html'))
    expect(order.indexOf('posts/hello/index.html')).toBeLessThan(order.indexOf('index.html'))
    expect(order.indexOf('index.html')).toBeLessThan(order.indexOf('feed.xml'))
    const done = events.at(-1)!
    expect(done).toMatchObject({ phase: 'done', filesDone: 7, filesTotal: 7 })
    expect(done.bytesDone).toBe(done.bytesTotal)
    const history = await readPublishHistory(f.ws)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({
      target: 'local',
      result: 'ok',
      added: 7,
      changed: 0,
      removed: 0,
    })
  })

  it('uploads nothing when nothing changed', async () => {
    const f = await setup()
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    const events: PublishProgressEvent[] = []
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets, events))
    expect(report).toMatchObject({
      added: [],
      changed: [],
      removed: [],
      bytes: 0,
    })
    expect(uploadedFiles(events)).toEqual([])
  })

  it('uploads only the changed file and removes a deleted one', async () => {
    const f = await setup()
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    const next = {
      ...sampleSite,
      'posts/hello/index.html': '<h1>Hello, edited</h1>',
    }
    delete (next as Record<string, string>)['posts/second/index.html']
    await f.writeSite(next)
    const events: PublishProgressEvent[] = []
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets, events))
    expect(report.changed).toEqual(['posts/hello/index.html'])
    expect(report.added).toEqual([])
    expect(report.removed).toEqual(['posts/second/index.html'])
    expect(uploadedFiles(events)).toEqual(['posts/hello/index.html'])
    const published = join(f.dir, 'public')
    expect(await readTree(published)).toEqual(next)
    // The emptied folder goes too.
    expect(await readdir(join(published, 'posts'))).toEqual(['hello'])
  })

  it('restores a file deleted or edited by hand in the target', async () => {
    const f = await setup()
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    const published = join(f.dir, 'public')
    await rm(join(published, 'images/cat.png'))
    await writeFile(join(published, 'index.html'), 'defaced')
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    expect(report.added).toEqual(['images/cat.png'])
    expect(report.changed).toEqual(['index.html'])
    expect(await readTree(published)).toEqual(sampleSite)
  })

  it('leaves files it did not publish alone', async () => {
    const f = await setup()
    await writeFile(join(f.dir, 'public-keep.txt'), '')
    await mkdir(join(f.dir, 'public'), { recursive: true })
    await writeFile(join(f.dir, 'public', 'CNAME'), 'blog.example.com')
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    await f.writeSite({ 'index.html': 'only' })
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    expect(await readTree(join(f.dir, 'public'))).toEqual({
      CNAME: 'blog.example.com',
      'index.html': 'only',
    })
  })

  it('never lists or touches a .git folder in the target (a Pages checkout)', async () => {
    const f = await setup()
    const published = join(f.dir, 'public')
    await mkdir(join(published, '.git', 'refs'), { recursive: true })
    await writeFile(join(published, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    await writeFile(join(published, '.git', 'refs', 'index.html'), 'not the site')
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    const target = createFolderTarget({
      ws: f.ws,
      config: { name: 'local', type: 'folder', path: '../public' },
      secrets,
      trustHostKey: false,
    })
    const listing = await target.list(new Map())
    expect(listing && [...listing.keys()]).toEqual(Object.keys(sampleSite).sort())
    await f.writeSite({ 'index.html': 'only' })
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    expect(await readTree(published)).toEqual({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/refs/index.html': 'not the site',
      'index.html': 'only',
    })
  })

  it('removes the temp files an interrupted publish left, and restores the files beside them', async () => {
    const f = await setup()
    const published = join(f.dir, 'public')
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    // What a publish killed mid-copy leaves: a half-written temp file; and a page edited by hand.
    await writeFile(join(published, 'posts', 'hello', '.folio-tmp-0a1b2c3d4e5f'), 'half a pa')
    await writeFile(join(published, 'posts', 'hello', 'index.html'), 'edited by hand')
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    expect(report.changed).toEqual(['posts/hello/index.html'])
    expect(report.removed).toEqual([])
    expect(await readTree(published)).toEqual(sampleSite)
  })

  it('changes nothing in a dry run and reports what it would do', async () => {
    const f = await setup()
    const report = await publishSite(
      f.ws,
      'local',
      testOptions(f.siteDir, secrets, [], { dryRun: true }),
    )
    expect(report.dryRun).toBe(true)
    expect(report.added).toHaveLength(7)
    expect(report.bytes).toBe(
      Object.values(sampleSite).reduce((n, text) => n + Buffer.byteLength(text), 0),
    )
    expect(await readdir(join(f.dir, 'public'))).toEqual([])
    expect(await readPublishHistory(f.ws)).toEqual([])
    await expect(stat(join(f.ws.root, '.folio/publish/local.json'))).rejects.toThrow()
  })

  it('fails clearly and touches nothing when the target path is a file', async () => {
    const f = await setup('../public')
    await writeFile(join(f.dir, 'public'), 'I am a file')
    const error = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets)).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(FolioError)
    expect((error as FolioError).message).toMatch(/is a file, not a folder/)
    expect(await readFile(join(f.dir, 'public'), 'utf8')).toBe('I am a file')
    const history = await readPublishHistory(f.ws)
    expect(history[0]).toMatchObject({
      result: 'failed',
      error: { code: 'publish-failed' },
    })
  })

  it('fails clearly and changes nothing when the target cannot be written', async () => {
    // Root ignores permission bits, so as root use a folder the kernel refuses (/sys).
    const asRoot = process.getuid?.() === 0
    const f = await setup()
    const target = asRoot ? '/sys/folio-publish-test' : join(f.dir, 'locked')
    f.ws.config.publish[0].path = target
    if (!asRoot) {
      await mkdir(target)
      await chmod(target, 0o500)
    }
    const error = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets)).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(FolioError)
    expect((error as FolioError).message).toMatch(/cannot|permission|not permitted/i)
    expect((error as FolioError).message).toContain(target)
    if (!asRoot) expect(await readdir(target)).toEqual([])
    else await expect(stat(target)).rejects.toThrow()
  })

  it('resumes after a failure mid-publish without copying finished files again', async () => {
    const f = await setup()
    // A folder in the way of one file makes that upload fail after the assets went up.
    await mkdir(join(f.dir, 'public/posts/second/index.html'), {
      recursive: true,
    })
    await writeFile(join(f.dir, 'public/posts/second/index.html/x'), '')
    const error = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets)).catch(
      (e: unknown) => e,
    )
    expect((error as FolioError).code).toBe('publish-failed')
    expect((error as FolioError).path).toBe('posts/second/index.html')
    await rm(join(f.dir, 'public/posts/second/index.html'), {
      recursive: true,
    })
    const events: PublishProgressEvent[] = []
    await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets, events))
    const again = uploadedFiles(events)
    expect(again).toContain('posts/second/index.html')
    expect(again).not.toContain('images/cat.png')
    expect(await readTree(join(f.dir, 'public'))).toEqual(sampleSite)
  })

  it('stops with a cancelled error when the signal fires, and resumes later', async () => {
    const f = await setup()
    const controller = new AbortController()
    const options = testOptions(f.siteDir, secrets, [], {
      signal: controller.signal,
    })
    options.onProgress = (event) => {
      if (event.phase === 'uploading' && event.filesDone >= 2) controller.abort()
    }
    const error = await publishSite(f.ws, 'local', options).catch((e: unknown) => e)
    expect((error as FolioError).code).toBe('cancelled')
    expect((await readPublishHistory(f.ws))[0].result).toBe('cancelled')
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secrets))
    expect(report.added.length).toBeLessThan(7)
    expect(await readTree(join(f.dir, 'public'))).toEqual(sampleSite)
  })

  it('names an unknown target', async () => {
    const f = await setup()
    await expect(publishSite(f.ws, 'nope', testOptions(f.siteDir, secrets))).rejects.toMatchObject({
      code: 'not-found',
    })
  })
})
