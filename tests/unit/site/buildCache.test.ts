import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildSite, resourcesDir } from '../../../src/core/site'
import { renderBodies, workerThreshold } from '../../../src/core/site/renderBodies'
import { renderBody } from '../../../src/core/site/renderBody'
import { openWorkspace } from '../../../src/core/workspace'

let root: string
let out: string
const now = new Date('2025-06-01T00:00:00Z')

function post(title: string, date: string, tags: string[], body: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\n${body}\n`
}

beforeEach(async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-cache-'))
  root = path.join(tmp, 'blog')
  out = path.join(tmp, 'public')
  await fs.mkdir(path.join(root, 'posts'), { recursive: true })
  await fs.writeFile(
    path.join(root, 'folio.yaml'),
    'title: Cache Blog\nbaseUrl: https://cache.test/\nauthor: Sam\npageSize: 10\n',
  )
  await fs.writeFile(
    path.join(root, 'posts/alpha.md'),
    post('Alpha', '2025-01-01', ['sea'], 'Alpha body about the harbour.'),
  )
  await fs.writeFile(
    path.join(root, 'posts/beta.md'),
    post('Beta', '2025-02-01', ['sea', 'rain'], 'Beta body. See [alpha](alpha.md#top).'),
  )
  await fs.writeFile(
    path.join(root, 'posts/gamma.md'),
    post('Gamma', '2025-03-01', ['hills'], 'Gamma body about hills.'),
  )
})

afterEach(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true })
})

const build = async () => buildSite(await openWorkspace(root), { outDir: out, now })
const read = (rel: string) => fs.readFile(path.join(out, rel), 'utf8')
const exists = (rel: string) =>
  fs.stat(path.join(out, rel)).then(
    () => true,
    () => false,
  )

/** Modification times of every built file, to see which ones a rebuild rewrote. */
async function mtimes(): Promise<Map<string, number>> {
  const entries = await fs.readdir(out, { withFileTypes: true, recursive: true })
  const result = new Map<string, number>()
  for (const entry of entries.filter((e) => e.isFile())) {
    const abs = path.join(entry.parentPath, entry.name)
    result.set(path.relative(out, abs), (await fs.stat(abs)).mtimeMs)
  }
  return result
}

async function rewritten(before: Map<string, number>): Promise<string[]> {
  const after = await mtimes()
  return [...after]
    .filter(([rel, t]) => before.get(rel) !== t)
    .map(([rel]) => rel)
    .sort()
}

/** Lets the clock move on, so a rewritten file gets a different modification time. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('the build cache', () => {
  it('rewrites nothing when nothing changed, and reports the same problems', async () => {
    await fs.writeFile(
      path.join(root, 'posts/delta.md'),
      post('Delta', '2025-04-01', [], '![x](gone.png)'),
    )
    const first = await build()
    expect(first.problems).toEqual([expect.objectContaining({ path: 'posts/delta.md', line: 7 })])
    const before = await mtimes()
    await tick()
    const second = await build()
    expect(await rewritten(before)).toEqual([])
    expect(second.problems).toEqual(first.problems)
    expect(second.pages).toBe(first.pages)
  })

  it('reports a folio.yaml problem once, build after build, whatever the caller did with it', async () => {
    await fs.writeFile(path.join(root, 'folio.yaml'), 'title: [Cache Blog\nauthor: Sam\n')
    await fs.writeFile(
      path.join(root, 'posts/delta.md'),
      post('Delta', '2025-04-01', [], '![x](gone.png)'),
    )
    const first = await build()
    const expected = structuredClone(first.problems)
    expect(expected.map((p) => p.path)).toEqual(['folio.yaml', 'posts/delta.md'])
    first.problems[1].message = 'changed by the caller'
    first.problems.push({ path: 'posts/alpha.md', message: 'added by the caller' })
    const second = await build()
    expect(second.problems).toEqual(expected)
    second.problems.length = 0
    expect((await build()).problems).toEqual(expected)
  })

  it('re-renders an edited article and the pages that list it, not the others', async () => {
    await build()
    const before = await mtimes()
    await tick()
    await fs.writeFile(
      path.join(root, 'posts/gamma.md'),
      post('Gamma Renamed', '2025-03-01', ['hills'], 'Gamma body about hills.'),
    )
    await build()
    const changed = await rewritten(before)
    expect(changed).toContain('gamma/index.html')
    expect(changed).toContain('index.html')
    expect(changed).toContain('tags/hills/index.html')
    expect(changed).toContain('feed.xml')
    expect(changed).not.toContain('tags/rain/index.html')
    // Alpha lists Gamma among its related articles, so it changes too; the sea tag does not.
    expect(changed).not.toContain('tags/sea/index.html')
    expect(changed).not.toContain('assets/style.css')
    expect(await read('gamma/index.html')).toContain('Gamma Renamed')
    expect(await read('index.html')).toContain('Gamma Renamed')
  })

  it('removes the page of a deleted article and updates its tag pages', async () => {
    await build()
    expect(await read('tags/sea/index.html')).toContain('Alpha')
    await fs.rm(path.join(root, 'posts/alpha.md'))
    const report = await build()
    expect(await exists('alpha/index.html')).toBe(false)
    expect(await read('tags/sea/index.html')).not.toContain('Alpha')
    // beta links to alpha.md, which is gone: a problem naming the line.
    expect(report.problems).toEqual([expect.objectContaining({ path: 'posts/beta.md', line: 7 })])
    expect(report.problems[0].message).toContain('alpha.md')
  })

  it('re-renders every page when the theme changes', async () => {
    await build()
    const theme = path.join(root, 'themes/default')
    await fs.cp(path.join(resourcesDir(), 'themes/default'), theme, { recursive: true })
    const footer = path.join(theme, 'partials/footer.liquid')
    await fs.writeFile(footer, `${await fs.readFile(footer, 'utf8')}\n<p>Theme edit 42</p>\n`)
    await build()
    for (const page of [
      'index.html',
      'alpha/index.html',
      'tags/sea/index.html',
      'archive/index.html',
    ])
      expect(await read(page), page).toContain('Theme edit 42')
  })

  it('re-renders every page when folio.yaml changes', async () => {
    await build()
    await fs.writeFile(
      path.join(root, 'folio.yaml'),
      'title: Renamed Blog\nbaseUrl: https://cache.test/\nauthor: Sam\npageSize: 10\n',
    )
    await build()
    expect(await read('alpha/index.html')).toContain('Renamed Blog')
    expect(await read('tags/rain/index.html')).toContain('Renamed Blog')
  })

  it('rebuilds in full when the cache was deleted, even in the process that wrote it', async () => {
    await build()
    await fs.rm(path.join(root, '.folio'), { recursive: true })
    await fs.rm(path.join(out, 'alpha/index.html'))
    await build()
    expect(await read('alpha/index.html')).toContain('Alpha body')
  })

  it('keeps rendered bodies in shard files, not one file per article', async () => {
    for (let i = 0; i < 40; i++)
      await fs.writeFile(
        path.join(root, `posts/extra-${i}.md`),
        post(`Extra ${i}`, '2024-05-01', ['sea'], `Extra body ${i}.`),
      )
    await build()
    const files = await fs.readdir(path.join(root, '.folio/cache/bodies'), { recursive: true })
    expect(files.length).toBeGreaterThan(0)
    expect(files.length).toBeLessThanOrEqual(16)
    expect(files.every((f) => /^[0-9a-f]\.json$/.test(f))).toBe(true)
  })

  it('renders a body again when its cache shard is lost, and the page still shows it', async () => {
    await build()
    await fs.rm(path.join(root, '.folio/cache/bodies'), { recursive: true })
    const theme = path.join(root, 'themes/default')
    await fs.cp(path.join(resourcesDir(), 'themes/default'), theme, { recursive: true })
    const footer = path.join(theme, 'partials/footer.liquid')
    await fs.writeFile(footer, `${await fs.readFile(footer, 'utf8')}\n<p>Theme edit 7</p>\n`)
    await build()
    const page = await read('alpha/index.html')
    expect(page).toContain('Theme edit 7')
    expect(page).toContain('Alpha body about the harbour.')
  })

  it('uses a cache another process rewrote since this one read it', async () => {
    await build()
    const cache = path.join(root, '.folio', 'cache')
    const shards = await fs.readdir(path.join(cache, 'sources'))
    await tick()
    // Another Folio writes the same record with a foreign version: this process must not keep
    // answering from what it read before.
    for (const shard of shards)
      await fs.writeFile(path.join(cache, 'sources', shard), '{"version":"other","entries":[]}')
    await fs.writeFile(
      path.join(root, 'posts/alpha.md'),
      post('Alpha', '2025-01-01', ['sea'], 'Alpha body, second edition.'),
    )
    await build()
    expect(await read('alpha/index.html')).toContain('Alpha body, second edition.')
    const written = await Promise.all(
      shards.map((shard) => fs.readFile(path.join(cache, 'sources', shard), 'utf8')),
    )
    expect(written.filter((text) => text.includes('posts/gamma.md'))).toHaveLength(1)
  })

  it('rebuilds in full when the output folder was deleted', async () => {
    await build()
    await fs.rm(out, { recursive: true })
    await build()
    expect(await read('alpha/index.html')).toContain('Alpha body')
  })

  it('rewrites links to other articles to their pages', async () => {
    await build()
    expect(await read('beta/index.html')).toContain('<a href="../alpha/#top">alpha</a>')
  })

  it('reports a site path no page has, with its line', async () => {
    await fs.writeFile(
      path.join(root, 'posts/links.md'),
      post(
        'Links',
        '2025-04-01',
        [],
        'Fine: [tags](/tags/sea/).\n\nBroken: [old](/no-such-page/).',
      ),
    )
    const report = await build()
    expect(report.problems).toEqual([expect.objectContaining({ path: 'posts/links.md', line: 9 })])
    expect(report.problems[0].message).toContain('/no-such-page/')
  })
})

describe('renderBodies', () => {
  it('renders on worker threads exactly what the main thread renders', async () => {
    const jobs = Array.from({ length: workerThreshold + 10 }, (_, i) => ({
      path: `posts/p${i}.md`,
      slug: `p${i}`,
      body: `# Title ${i}\n\nSome *text* with ![img](pic${i}.png) and $x^${i}$.\n\n\`\`\`js\nlet a = ${i}\n\`\`\`\n`,
    }))
    const results = await renderBodies(jobs)
    expect(results).toHaveLength(jobs.length)
    for (const i of [0, 77, jobs.length - 1]) expect(results[i]).toEqual(renderBody(jobs[i]))
    expect(results[5].html).toContain('src="../media/posts/pic5.png"')
  })
})

describe('responsive images', () => {
  it('writes resized WebP and original-format variants with srcset, size and lazy loading', async () => {
    const sharp = (await import('sharp')).default
    await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3a7' } })
      .png()
      .toFile(path.join(root, 'posts/wide.png'))
    await fs.writeFile(
      path.join(root, 'posts/pics.md'),
      post('Pics', '2025-04-01', [], 'A picture:\n\n![Wide view](wide.png)'),
    )
    const report = await build()
    expect(report.problems).toEqual([])
    const page = await read('pics/index.html')
    expect(page).toMatch(/<picture><source type="image\/webp" srcset="[^"]*wide-480\.webp 480w/)
    expect(page).toContain('width="2000" height="1000" loading="lazy"')
    expect(page).toMatch(/srcset="[^"]*wide-960\.png 960w[^"]*wide\.png 2000w"/)
    for (const file of [
      'wide.png',
      'wide-480.png',
      'wide-960.png',
      'wide-1600.webp',
      'wide.webp',
    ]) {
      expect(await exists(`media/posts/${file}`), file).toBe(true)
    }
    const small = await sharp(path.join(out, 'media/posts/wide-480.webp')).metadata()
    expect([small.width, small.height, small.format]).toEqual([480, 240, 'webp'])
  })

  it('removes image sizes no build has used for two weeks, and keeps the ones in use', async () => {
    const sharp = (await import('sharp')).default
    const picture = (background: string) =>
      sharp({ create: { width: 1200, height: 600, channels: 3, background } })
        .png()
        .toFile(path.join(root, 'posts/wide.png'))
    const article = (words: string) =>
      fs.writeFile(
        path.join(root, 'posts/pics.md'),
        post('Pics', '2025-04-01', [], `${words}\n\n![Wide view](wide.png)`),
      )
    const cached = path.join(root, '.folio/cache/images')
    const list = async () => (await fs.readdir(cached)).sort()
    await picture('#3a7')
    await article('A picture.')
    await build()
    const first = await list()
    expect(first).toHaveLength(5)
    // The author replaces the picture: its new sizes are made, the old ones stay for now.
    await picture('#a37')
    await build()
    const second = await list()
    expect(second).toHaveLength(10)
    expect(second).toEqual(expect.arrayContaining(first))
    // Fifteen days later (every file's time set back), with a torn temporary file from a crash
    // and a file that is not Folio's, the next whole build removes the old sizes and the torn
    // file, and keeps the sizes it uses (recording that use) and the other file.
    await fs.writeFile(path.join(cached, `${first[0]}.4242.tmp`), 'torn')
    await fs.writeFile(path.join(cached, 'notes.txt'), 'mine')
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000)
    for (const name of await list()) await fs.utimes(path.join(cached, name), longAgo, longAgo)
    await article('A picture, edited.')
    const report = await build()
    expect(report.problems).toEqual([])
    const inUse = second.filter((name) => !first.includes(name))
    expect(await list()).toEqual([...inUse, 'notes.txt'].sort())
    for (const name of inUse) {
      const { mtimeMs } = await fs.stat(path.join(cached, name))
      expect(Date.now() - mtimeMs).toBeLessThan(60 * 60 * 1000)
    }
    for (const file of ['wide-480.png', 'wide-960.webp', 'wide.webp'])
      expect(await exists(`media/posts/${file}`), file).toBe(true)
  })
})
