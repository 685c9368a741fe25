import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFieldAssignments } from '../../../src/core/frontmatter'
import { searchArticles, setArticleFields } from '../../../src/core/workspace'
import { useTempFolders } from './tempFolder'

const { folioWorkspace } = useTempFolders()

describe('parseFieldAssignments', () => {
  it('types values like `folio set` documents', () => {
    expect(
      parseFieldAssignments(
        ['tags=a, b', 'draft=true', 'weight=3', 'description=', 'title=x,y=z', 'cats=q'],
        { cats: ['p'] },
      ),
    ).toEqual({
      tags: ['a', 'b'],
      draft: true,
      weight: 3,
      description: null,
      title: 'x,y=z',
      cats: ['q'],
    })
    expect(() => parseFieldAssignments(['novalue'], {})).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    )
  })
})

describe('setArticleFields', () => {
  it('edits the file on disk losslessly and refuses malformed front matter', async () => {
    const ws = await folioWorkspace({
      'posts/a.md': '---\ntitle: A  # keep\ntags: [x]\n---\nBody\n',
      'posts/bad.md': '---\ntitle: [\n---\nBody\n',
    })
    const result = await setArticleFields(ws, 'posts/a.md', { tags: ['y', 'z'], draft: true })
    expect(result.status).toBe('saved')
    expect(await fs.readFile(path.join(ws.root, 'posts/a.md'), 'utf8')).toBe(
      '---\ntitle: A  # keep\ntags: [y, z]\ndraft: true\n---\nBody\n',
    )
    await expect(setArticleFields(ws, 'posts/bad.md', { title: 'B' })).rejects.toMatchObject({
      code: 'frontmatter',
      path: 'posts/bad.md',
      line: 2,
    })
    expect(await fs.readFile(path.join(ws.root, 'posts/bad.md'), 'utf8')).toBe(
      '---\ntitle: [\n---\nBody\n',
    )
  })
})

describe('searchArticles', () => {
  it('finds articles by words in titles, tags and bodies, ignoring case and accents', async () => {
    const ws = await folioWorkspace({
      'posts/a.md': '---\ntitle: Café notes\ntags: [coffee]\n---\nAbout beans.',
      'posts/b.md': '---\ntitle: Tea\n---\nNo coffee here. Only leaves.',
      'posts/c.md': 'Nothing relevant',
    })
    expect(await searchArticles(ws, 'cafe')).toEqual(['posts/a.md'])
    expect(await searchArticles(ws, 'COFFEE')).toEqual(['posts/a.md', 'posts/b.md'])
    expect(await searchArticles(ws, 'coffee leaves')).toEqual(['posts/b.md'])
    expect(await searchArticles(ws, '  ')).toEqual([])
  })
})
