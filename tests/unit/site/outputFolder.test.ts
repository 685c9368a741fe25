import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FolioError } from '../../../src/core/errors'
import { scanSite } from '../../../src/core/publish/localFiles'
import { buildSite } from '../../../src/core/site'
import { openWorkspace } from '../../../src/core/workspace'

let tmp: string
let root: string

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-outdir-'))
  root = path.join(tmp, 'blog')
  await fs.mkdir(path.join(root, 'posts'), { recursive: true })
  await fs.writeFile(path.join(root, 'folio.yaml'), 'title: Out\nbaseUrl: https://out.test/\n')
  await fs.writeFile(path.join(root, 'posts/a.md'), '---\ntitle: A\ndate: 2025-01-02\n---\n\nHi.\n')
})

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

/** A fresh build (no cache) of the workspace into `outDir`. */
async function build(outDir: string) {
  await fs.rm(path.join(root, '.folio'), { recursive: true, force: true })
  return buildSite(await openWorkspace(root), { outDir })
}

async function failure(work: Promise<unknown>): Promise<FolioError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(FolioError)
  return err as FolioError
}

describe('the output folder of a build', () => {
  it('is not replaced when it holds files Folio did not build: they all stay', async () => {
    const photos = path.join(tmp, 'photos')
    await fs.mkdir(path.join(photos, 'trip'), { recursive: true })
    await fs.writeFile(path.join(photos, 'trip/beach.jpg'), 'JPEG')
    await fs.writeFile(path.join(photos, 'notes.md'), 'my only copy')
    const err = await failure(build(photos))
    expect(err.code).toBe('exists')
    expect(err.path).toBe(photos)
    expect(err.message).toContain('"notes.md", "trip"')
    expect(await fs.readFile(path.join(photos, 'notes.md'), 'utf8')).toBe('my only copy')
    expect(await fs.readFile(path.join(photos, 'trip/beach.jpg'), 'utf8')).toBe('JPEG')
    expect((await fs.readdir(tmp)).sort()).toEqual(['blog', 'photos'])
  })

  it('is not replaced when it is a file', async () => {
    const file = path.join(tmp, 'site')
    await fs.writeFile(file, 'a file')
    expect((await failure(build(file))).code).toBe('not-a-folder')
    expect(await fs.readFile(file, 'utf8')).toBe('a file')
  })

  it('may be empty, missing, or a site Folio built before (even without a build cache)', async () => {
    const empty = path.join(tmp, 'empty')
    await fs.mkdir(empty)
    await build(empty)
    await build(empty)
    expect(await fs.readdir(empty)).toContain('index.html')
    await build(path.join(tmp, 'new', 'site'))
    expect(await fs.readdir(path.join(tmp, 'new', 'site'))).toContain('index.html')
  })

  it('is replaced when Folio built it before builds left a marker, or owns it (.folio/…)', async () => {
    const out = path.join(tmp, 'public')
    await buildSite(await openWorkspace(root), { outDir: out })
    await fs.rm(path.join(out, '.folio-site'))
    // A build of an older pipeline recorded this folder: its state no longer applies.
    const state = path.join(root, '.folio/cache/build.json')
    const json = JSON.parse(await fs.readFile(state, 'utf8'))
    await fs.writeFile(state, JSON.stringify({ ...json, version: 'folio-site-0' }))
    await buildSite(await openWorkspace(root), { outDir: out })
    expect(await fs.readdir(out)).toContain('.folio-site')

    const serve = path.join(root, '.folio', 'serve')
    await fs.mkdir(serve, { recursive: true })
    await fs.writeFile(path.join(serve, 'index.html'), 'an old preview build')
    await buildSite(await openWorkspace(root), { outDir: serve })
    expect(await fs.readFile(path.join(serve, 'index.html'), 'utf8')).not.toBe(
      'an old preview build',
    )
  })

  it('carries a marker that a publish leaves out', async () => {
    const out = path.join(tmp, 'public')
    await build(out)
    expect(await fs.readdir(out)).toContain('.folio-site')
    const published = (await scanSite(out)).map((file) => file.path)
    expect(published).toContain('index.html')
    expect(published).not.toContain('.folio-site')
  })
})
