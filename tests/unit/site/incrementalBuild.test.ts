import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildSite } from '../../../src/core/site'
import { openWorkspace } from '../../../src/core/workspace'
import { siteContent } from './siteContent'

let tmp: string
let root: string
const now = new Date('2025-06-01T00:00:00Z')
const topics = ['harbour', 'lantern', 'meadow', 'glacier', 'orchard', 'canyon', 'violin', 'saffron']

function post(i: number, tags: string[], extra = ''): string {
  const words = [topics[i % 8], topics[(i * 3) % 8], `word${i % 5}`, `rare${i}`].join(' ')
  return `---\ntitle: Post ${i}\ndate: 2025-01-${String((i % 28) + 1).padStart(2, '0')}\ntags: [${tags.join(', ')}]\n---\n\n## Part ${i}\n\n${words} ${words}. See [the first](p0.md).\n${extra}\n`
}

const tagsOf = (i: number) => [['sea', 'rain', 'hills'][i % 3], ...(i % 4 === 0 ? ['food'] : [])]

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-incremental-'))
  root = path.join(tmp, 'blog')
  await fs.mkdir(path.join(root, 'posts'), { recursive: true })
  await fs.writeFile(
    path.join(root, 'folio.yaml'),
    'title: Incremental Blog\nbaseUrl: https://inc.test/\nauthor: Sam\npageSize: 4\n',
  )
  for (let i = 0; i < 30; i++)
    await fs.writeFile(path.join(root, `posts/p${i}.md`), post(i, tagsOf(i)))
})

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

/** Builds a copy of the workspace as it is now, with no cache, and returns its site. */
async function freshBuild(): Promise<Map<string, string>> {
  const copy = path.join(tmp, `fresh-${Math.random().toString(36).slice(2)}`)
  await fs.cp(root, copy, { recursive: true, filter: (src) => !src.includes('.folio') })
  const out = `${copy}-public`
  await buildSite(await openWorkspace(copy), { outDir: out, now })
  return siteContent(out)
}

const out = () => path.join(tmp, 'public')
const build = async () => buildSite(await openWorkspace(root), { outDir: out(), now })

describe('rebuilds after one change', () => {
  it('give the same site as a fresh build, edit after edit', async () => {
    await build()
    const edits: [number, string][] = [
      [7, post(7, tagsOf(7), 'A new paragraph about the glacier glacier glacier and saffron.')],
      [12, post(12, ['food', 'music'])],
      [3, post(3, tagsOf(3)).replace('Post 3', 'A renamed post')],
      [20, post(20, tagsOf(20)).replace('2025-01-21', '2025-05-30')],
    ]
    for (const [i, text] of edits) {
      await fs.writeFile(path.join(root, `posts/p${i}.md`), text)
      await build()
      expect(await siteContent(out())).toEqual(await freshBuild())
    }
  })

  it('give the same site as a fresh build when cache files are torn', async () => {
    await build()
    const cache = path.join(root, '.folio', 'cache')
    for (const folder of ['sources', 'texts']) {
      const shards = await fs.readdir(path.join(cache, folder))
      for (const shard of shards.slice(0, 4))
        await fs.writeFile(path.join(cache, folder, shard), '{"version": "folio-')
    }
    await fs.writeFile(path.join(cache, 'related.json'), 'not json')
    await fs.writeFile(path.join(root, 'posts/p5.md'), post(5, ['sea'], 'More about the meadow.'))
    await build()
    expect(await siteContent(out())).toEqual(await freshBuild())
  })

  it('rewrite only the pages that show the edited article', async () => {
    await build()
    const before = await siteContent(out())
    await fs.writeFile(path.join(root, 'posts/p9.md'), post(9, tagsOf(9), 'One more sentence.'))
    await build()
    const after = await siteContent(out())
    const changed = [...after.keys()].filter((rel) => after.get(rel) !== before.get(rel)).sort()
    expect(changed).toContain('p9/index.html')
    expect(changed).toContain('search.json')
    // The other articles' pages show p9 only as a related article or neighbour (title, date,
    // reading time), which this edit did not change.
    expect(changed.filter((rel) => /^p\d+\/index\.html$/.test(rel))).toEqual(['p9/index.html'])
  })
})
