import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { folio } from './runFolio'

let base: string
let blog: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-cli-'))
  blog = join(base, 'blog')
  await cp(join(__dirname, '../../../resources/sample'), blog, {
    recursive: true,
  })
})

describe('folio command', () => {
  it('prints help', async () => {
    const result = await folio(['--help'])
    expect(result.code).toBe(0)
    for (const command of ['list', 'new', 'build', 'publish', 'serve'])
      expect(result.stdout).toContain(command)
  })

  it('lists articles as JSON with the detected layout', async () => {
    const result = await folio(['list', blog, '--json'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(json.layout).toBe('folio')
    expect(json.articles.length).toBeGreaterThan(0)
    for (const article of json.articles)
      expect(Object.keys(article)).toEqual(
        expect.arrayContaining(['path', 'title', 'date', 'tags', 'draft']),
      )
  })

  it('creates an article and lists it, using the current folder by default', async () => {
    const created = await folio(['new', 'Hello from the CLI'], blog)
    expect(created.code).toBe(0)
    const path = created.stdout.trim()
    expect(path).toMatch(/hello-from-the-cli/)
    expect(await readFile(join(blog, path), 'utf8')).toContain('title: Hello from the CLI')
    expect((await folio(['list'], blog)).stdout).toContain('Hello from the CLI')
  })

  it('builds the site into --out', async () => {
    const out = join(base, 'site')
    const result = await folio(['build', blog, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const index = await readFile(join(out, 'index.html'), 'utf8')
    expect(index).toContain('Field Notes')
    expect(await readdir(out)).toContain('feed.xml')
  })

  it('refuses to build into a folder of files it did not build, and keeps them', async () => {
    const posts = join(blog, 'posts')
    const before = await readdir(posts)
    const result = await folio(['build', blog, '--out', posts])
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(
      `The output folder ${posts} holds files that Folio did not build`,
    )
    expect(await readdir(posts)).toEqual(before)

    const again = join(base, 'site')
    expect((await folio(['build', blog, '--out', again])).code).toBe(0)
    expect(await readdir(again)).toContain('index.html')
  })

  it("builds an Astro project into dist, leaving Astro's public folder alone", async () => {
    const astro = join(base, 'astro')
    await cp(join(__dirname, '../../fixtures/layouts/astro'), astro, { recursive: true })
    await mkdir(join(astro, 'public'), { recursive: true })
    await writeFile(join(astro, 'public/favicon.svg'), '<svg/>')
    const result = await folio(['build', astro])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(join(astro, 'dist'))
    expect(await readdir(join(astro, 'dist'))).toContain('index.html')
    expect(await readdir(join(astro, 'public'))).toEqual(['favicon.svg'])
  })

  it('publishes to the folder target, then a second publish changes nothing', async () => {
    const dry = await folio(['publish', blog, '--target', 'local', '--dry-run', '--json'])
    expect(dry.code).toBe(0)
    const dryResult = JSON.parse(dry.stdout.trim().split('\n').at(-1) ?? '{}')
    expect(dryResult).toMatchObject({ type: 'result', dryRun: true })
    expect(dryResult.added.length).toBeGreaterThan(0)

    const first = await folio(['publish', blog, '--target', 'local'])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Published to local: \d+ new/)
    expect(await readdir(join(base, 'public'))).toContain('index.html')
    const second = await folio(['publish', blog, '--json'])
    const result = JSON.parse(second.stdout.trim().split('\n').at(-1) ?? '{}')
    expect(result).toMatchObject({ added: [], changed: [], removed: [] })
  })

  it('fails with a one-line reason for a missing folder and an unknown target', async () => {
    const missing = await folio(['list', join(base, 'nope')])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toMatch(/^folio: /)
    const target = await folio(['publish', blog, '--target', 'nowhere'])
    expect(target.code).not.toBe(0)
    expect(target.stderr).toContain('nowhere')
  })
})
