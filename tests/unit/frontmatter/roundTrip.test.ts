import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseFrontMatter, setFrontMatterFields } from '../../../src/core/frontmatter'
import {
  listArticles,
  loadPages,
  openWorkspace,
  readArticle,
  saveArticle,
} from '../../../src/core/workspace'
import { copyFixture, fixtureNames } from '../workspace/fixtureCopy'
import { removeFolder } from '../workspace/tempFolder'

const names = await fixtureNames()
const made: string[] = []
afterAll(async () => {
  await Promise.all(made.map(removeFolder))
})

describe.each(names)('round trip of the %s fixture', (name) => {
  it('opens and saves every article and page unchanged, byte for byte', async () => {
    const root = await copyFixture(name)
    made.push(root)
    const ws = await openWorkspace(root)
    const paths = [
      ...(await listArticles(ws)).map((a) => a.path),
      ...(await loadPages(ws)).map((p) => p.path),
    ]
    expect(paths.length).toBeGreaterThan(0)
    for (const rel of paths) {
      const before = await fs.readFile(path.join(root, rel))
      const doc = await readArticle(ws, rel)
      expect(doc.error, rel).toBeUndefined()
      expect(await saveArticle(ws, rel, doc.text, doc.version)).toMatchObject({
        status: 'saved',
        version: doc.version,
      })
      expect((await fs.readFile(path.join(root, rel))).equals(before), rel).toBe(true)
    }
  })

  it('edits a field and back, leaving every other byte as it was', async () => {
    const root = await copyFixture(name)
    made.push(root)
    const ws = await openWorkspace(root)
    for (const { path: rel } of await listArticles(ws)) {
      const { text } = await readArticle(ws, rel)
      const parsed = parseFrontMatter(text)
      expect(setFrontMatterFields(text, {}), rel).toBe(text)
      if (parsed.format === null) continue
      const changed = setFrontMatterFields(text, { title: 'Changed title ✓' })
      const after = parseFrontMatter(changed)
      expect(after.data, rel).toEqual({ ...parsed.data, title: 'Changed title ✓' })
      expect(after.body, rel).toBe(parsed.body)
      if (typeof parsed.data.title === 'string') {
        expect(setFrontMatterFields(changed, { title: parsed.data.title }), rel).toBe(text)
      }
    }
  })
})
