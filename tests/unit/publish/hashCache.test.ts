import { createHash } from 'node:crypto'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashCachePath, readHashCache, racyWindowMs } from '../../../src/core/publish/hashCache'
import { scanSite } from '../../../src/core/publish/localFiles'
import { publishSite } from '../../../src/core/publish'
import { secretsFrom, testOptions, usePublishFixtures } from './publishFixture'

const makeFixture = usePublishFixtures()
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
/** A scan that starts well after the fixture's files were written, so their stamps are trusted. */
const later = () => Date.now() + racyWindowMs + 60_000

async function hashesOf(root: string, siteDir: string, startedMs: number) {
  const cache = await readHashCache(root, siteDir, startedMs)
  const files = await scanSite(siteDir, cache)
  await cache.save()
  return Object.fromEntries(files.map((file) => [file.path, file.hash]))
}

/** Replaces the remembered hash of `path` in the cache file, as if it had been hashed before. */
async function rememberHash(root: string, path: string, hash: string): Promise<void> {
  const data = JSON.parse(await readFile(hashCachePath(root), 'utf8'))
  data.files[path][4] = hash
  await writeFile(hashCachePath(root), JSON.stringify(data))
}

describe('the publish hash cache', () => {
  it('reuses the hash of a file whose size, times and inode are unchanged', async () => {
    const f = await makeFixture([])
    const first = await hashesOf(f.ws.root, f.siteDir, later())
    expect(first['feed.xml']).toBe(sha256('<rss><item>Hello</item></rss>'))
    await rememberHash(f.ws.root, 'feed.xml', 'f'.repeat(64))
    const second = await hashesOf(f.ws.root, f.siteDir, later())
    // The cache answered instead of the file: the proof that an unchanged file is not read.
    expect(second['feed.xml']).toBe('f'.repeat(64))
    expect(second['index.html']).toBe(first['index.html'])
  })

  it('hashes a file again once it is rewritten, even with the same size', async () => {
    const f = await makeFixture([])
    await hashesOf(f.ws.root, f.siteDir, later())
    await rememberHash(f.ws.root, 'feed.xml', 'f'.repeat(64))
    await writeFile(join(f.siteDir, 'feed.xml'), '<rss><item>HELLO</item></rss>')
    const next = await hashesOf(f.ws.root, f.siteDir, later())
    expect(next['feed.xml']).toBe(sha256('<rss><item>HELLO</item></rss>'))
  })

  it('does not remember files changed just before the scan, whose stamps could repeat', async () => {
    const f = await makeFixture([])
    await hashesOf(f.ws.root, f.siteDir, later())
    await writeFile(join(f.siteDir, 'feed.xml'), '<rss><item>Again</item></rss>')
    const now = await hashesOf(f.ws.root, f.siteDir, Date.now())
    expect(now['feed.xml']).toBe(sha256('<rss><item>Again</item></rss>'))
    const saved = JSON.parse(await readFile(hashCachePath(f.ws.root), 'utf8'))
    expect(Object.keys(saved.files)).not.toContain('feed.xml')
    expect(Object.keys(saved.files)).toContain('index.html')
  })

  it('ignores a cache made for another site folder, or a damaged one', async () => {
    const f = await makeFixture([])
    await hashesOf(f.ws.root, f.siteDir, later())
    await rememberHash(f.ws.root, 'feed.xml', 'f'.repeat(64))
    const other = join(f.dir, 'other-site')
    await mkdir(other)
    await writeFile(join(other, 'feed.xml'), '<rss><item>Hello</item></rss>')
    expect((await hashesOf(f.ws.root, other, later()))['feed.xml']).toBe(
      sha256('<rss><item>Hello</item></rss>'),
    )
    await writeFile(hashCachePath(f.ws.root), '{"version":1,"siteDir":')
    expect((await hashesOf(f.ws.root, f.siteDir, later()))['feed.xml']).toBe(
      sha256('<rss><item>Hello</item></rss>'),
    )
  })

  it('lets a publish go through when the cache file is damaged, and rewrites it', async () => {
    const target = { name: 'local', type: 'folder', path: '../published' }
    const f = await makeFixture([target])
    await mkdir(join(f.ws.root, '.folio/publish'), { recursive: true })
    await writeFile(hashCachePath(f.ws.root), 'not json')
    const report = await publishSite(f.ws, 'local', testOptions(f.siteDir, secretsFrom({}), []))
    expect(report.added).toHaveLength(7)
    expect(JSON.parse(await readFile(hashCachePath(f.ws.root), 'utf8')).version).toBe(1)
  })
})
