import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renameArticle } from '../../../src/core/workspace'
import { retargetPageLinks } from '../../../src/core/workspace/pageLinks'
import { useTempFolders } from './tempFolder'

const { openFolder, folioWorkspace } = useTempFolders()
const read = (root: string, rel: string) => fs.readFile(path.join(root, rel), 'utf8')
const change = { from: 'old-slug', to: 'new-slug' }
const site = { baseUrl: 'https://blog.example.com/' }

describe('renameArticle and links written as page URLs', () => {
  it('updates relative, root-absolute and full URLs to the page in articles and pages', async () => {
    const ws = await folioWorkspace({
      'folio.yaml': 'title: T\nbaseUrl: https://blog.example.com/\n',
      'posts/old-slug.md': '# Old\n\nSee [below](../old-slug/#end).',
      'posts/other.md': [
        '[a](../old-slug/) [b](/old-slug/#part) [c](/old-slug/index.html)',
        '[d](https://blog.example.com/old-slug/) [e](/old-slug) [f](../old-slug/?x=1)',
        '<a href="/old-slug/">g</a>',
        '',
        '[ref]: /old-slug/',
      ].join('\n'),
      'pages/about.md': 'Read [it](../old-slug/index.html#top).',
    })
    const result = await renameArticle(ws, 'posts/old-slug.md', 'new-slug')
    expect(result.path).toBe('posts/new-slug.md')
    expect(result.updated.sort()).toEqual(['pages/about.md', 'posts/new-slug.md', 'posts/other.md'])
    expect(await read(ws.root, 'posts/other.md')).toBe(
      [
        '[a](../new-slug/) [b](/new-slug/#part) [c](/new-slug/index.html)',
        '[d](https://blog.example.com/new-slug/) [e](/new-slug) [f](../new-slug/?x=1)',
        '<a href="/new-slug/">g</a>',
        '',
        '[ref]: /new-slug/',
      ].join('\n'),
    )
    expect(await read(ws.root, 'pages/about.md')).toBe('Read [it](../new-slug/index.html#top).')
    expect(await read(ws.root, 'posts/new-slug.md')).toBe('# Old\n\nSee [below](../new-slug/#end).')
  })

  it('follows a base URL with a path and moves links to bundle images under the page', async () => {
    const ws = await folioWorkspace({
      'folio.yaml': 'title: T\nbaseUrl: https://example.com/blog/\n',
      'posts/trip/index.md': '![](photo.jpg)',
      'posts/trip/photo.jpg': 'JPG',
      'posts/other.md':
        '[t](/blog/trip/) ![p](/blog/trip/photo.jpg) [u](https://example.com/blog/trip/)',
    })
    await renameArticle(ws, 'posts/trip/index.md', 'journey')
    expect(await read(ws.root, 'posts/other.md')).toBe(
      '[t](/blog/journey/) ![p](/blog/journey/photo.jpg) [u](https://example.com/blog/journey/)',
    )
  })

  it('leaves links that only look alike', async () => {
    const text = [
      '[own](old-slug/index.html)', // below this page's own folder: /other/old-slug/
      '[longer](../old-slug-2/)',
      '[host](https://elsewhere.org/old-slug/)',
      '[deep](../../old-slug/)', // climbs above the site
      '[file](../posts/old-slug.md)', // a file link: the file pass handles it
      '[tag](/tags/old-slug/)',
    ].join('\n')
    expect(retargetPageLinks(text, 'other', change, site)).toBe(text)
  })

  it('does not touch page URLs in a Hugo folder, where Hugo decides the URLs', async () => {
    const ws = await openFolder({
      'hugo.toml': 'title = "H"\n',
      'content/posts/old-slug.md': '+++\ntitle = "Old"\n+++\n',
      'content/posts/other.md': '[a](/old-slug/) [b](old-slug.md)',
    })
    await renameArticle(ws, 'content/posts/old-slug.md', 'new-slug')
    expect(await read(ws.root, 'content/posts/other.md')).toBe('[a](/old-slug/) [b](new-slug.md)')
  })
})
