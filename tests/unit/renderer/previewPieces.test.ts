import { describe, expect, it } from 'vitest'
import { countText } from '../../../src/renderer/src/editor/wordCount'
import { previewImageUrl } from '../../../src/renderer/src/preview/imageUrl'
import { isExternalLink } from '../../../src/renderer/src/preview/previewLinks'
import {
  bodySlot,
  composePreviewDocument,
  fillBody,
  previewCsp,
} from '../../../src/renderer/src/preview/previewDocument'
import {
  frontMatterHeadOf,
  previewArticle,
  previewFrontMatter,
} from '../../../src/renderer/src/preview/previewShell'
import type { ArticleLayout } from '../../../src/core/workspace/fields'
import { sortArticles } from '../../../src/renderer/src/state/sortArticles'
import { lineForOffset, offsetForLine } from '../../../src/renderer/src/preview/scrollMapping'
import type { ArticleSummary } from '../../../src/core/api'

describe('preview document', () => {
  it('puts the CSP first in the head, before any theme markup', () => {
    const doc = composePreviewDocument(
      '<html><head><title>T</title></head><body></body></html>',
      'p{}',
      'http://127.0.0.1:5/workspace-file/',
    )
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<title>'))
    expect(doc).toContain('img-src http://127.0.0.1:5/workspace-file/ data: blob:')
  })
  it('forbids scripts: the policy has no script-src and default-src none', () => {
    expect(previewCsp('folio-asset://workspace/')).toMatch(/^default-src 'none';/)
    expect(previewCsp('folio-asset://workspace/')).not.toContain('script-src')
  })
  it('keeps theme CSS from closing its style element', () => {
    const doc = composePreviewDocument('<head></head>', 'a{}</style><script>x()</script>', 'x:')
    expect(doc).not.toContain('</style><script>')
  })
  it('fills the body slot with the article HTML', () => {
    expect(fillBody(`<main>${bodySlot}</main>`, '<p>hi</p>')).toBe(
      '<main><!--folio:body-start--><p>hi</p><!--folio:body-end--></main>',
    )
  })
})

describe('preview images', () => {
  const url = previewImageUrl('http://h/workspace-file/', 'posts/trip/index.md')
  it('resolves a relative image against the article folder', () => {
    expect(url('cover.png')).toBe('http://h/workspace-file/posts/trip/cover.png')
  })
  it('resolves .. and encodes each segment', () => {
    expect(url('../shared/my photo.png')).toBe(
      'http://h/workspace-file/posts/shared/my%20photo.png',
    )
  })
  it('treats a leading slash as the workspace root', () => {
    expect(url('/static/a.png')).toBe('http://h/workspace-file/static/a.png')
  })
})

describe('preview links', () => {
  it('lets only http(s) and mailto out', () => {
    expect(isExternalLink('https://example.com')).toBe(true)
    expect(isExternalLink('mailto:a@b.c')).toBe(true)
    expect(isExternalLink('javascript:alert(1)')).toBe(false)
    expect(isExternalLink('file:///etc/passwd')).toBe(false)
    expect(isExternalLink('relative/page')).toBe(false)
  })
})

describe('the article the preview page shows, read as the build reads it', () => {
  const folio: ArticleLayout = { layout: 'folio', draftDirs: [] }
  const jekyll: ArticleLayout = { layout: 'jekyll', draftDirs: ['_drafts'] }
  function article(layout: ArticleLayout, path: string, text: string) {
    const head = frontMatterHeadOf(text)
    const fields = previewFrontMatter(head)
    return { ...previewArticle(layout, path, fields.data, text.slice(head.length)), fields }
  }

  it('reads YAML, TOML and JSON front matter, and leaves it out of the body', () => {
    expect(article(folio, 'posts/a.md', '---\ntitle: Hi\n---\nx')).toMatchObject({
      title: 'Hi',
      body: 'x',
    })
    expect(article(folio, 'posts/a.md', '+++\ntitle = "Hi"\n+++\nx').title).toBe('Hi')
    expect(article(folio, 'posts/a.md', '{\n  "title": "Hi",\n  "x": {}\n}\n\nx')).toMatchObject({
      title: 'Hi',
      body: '\nx',
    })
    expect(article(folio, 'posts/a.md', '\uFEFF---\ntitle: BOM\n---\nx').title).toBe('BOM')
  })

  it('keeps a TOML date as written, as the build does', () => {
    expect(article(folio, 'posts/a.md', '+++\ndate = 2024-05-01T10:00:00Z\n+++\nx').date).toBe(
      '2024-05-01T10:00:00Z',
    )
  })

  it("reads each engine's field names: pubDate, excerpt, lastmod, published: false, author.name", () => {
    const text = [
      '---',
      'pubDate: 2024-02-03',
      'lastmod: 2024-03-04',
      'excerpt: Short',
      'published: false',
      'author:',
      '  name: Ada',
      '---',
      'x',
    ].join('\n')
    expect(article(folio, 'posts/a.md', text)).toMatchObject({
      date: '2024-02-03',
      updated: '2024-03-04',
      description: 'Short',
      draft: true,
      author: 'Ada',
    })
  })

  it("takes the slug and draft state from the workspace's layout", () => {
    expect(article(jekyll, '_posts/2024-01-02-hello.md', 'x')).toMatchObject({
      slug: 'hello',
      date: '2024-01-02',
      draft: false,
    })
    expect(article(jekyll, '_drafts/idea.md', 'x').draft).toBe(true)
    expect(article(folio, 'posts/2024-01-02-hello.md', 'x').slug).toBe('2024-01-02-hello')
    expect(article(folio, 'posts/trip/index.md', 'x').slug).toBe('trip')
  })

  it('names the line of a broken block instead of throwing', () => {
    const { fields } = article(folio, 'posts/a.md', '---\ntitle: ok\ntags: [x\n---\n')
    expect(fields.data).toEqual({})
    expect(fields.problem).toMatch(/^Front matter, line 3: YAML: /)
  })
})

describe('word count', () => {
  it('counts words, not markup or front matter', () => {
    expect(countText('---\ntitle: Many words here\n---\n# Hello **bold** world').words).toBe(3)
  })
  it('gives at least a minute of reading for any text', () => {
    expect(countText('one two').readingMinutes).toBe(1)
  })
  it('counts characters without line breaks', () => {
    expect(countText('ab\ncd').characters).toBe(4)
  })
})

describe('article order', () => {
  const a = (path: string, date: string | null, mtimeMs = 0): ArticleSummary => ({
    path,
    title: path,
    date,
    tags: [],
    draft: false,
    size: 1,
    mtimeMs,
  })
  it('puts the newest first and undated last', () => {
    const sorted = sortArticles([
      a('old', '2020-01-01'),
      a('none', null, 5),
      a('new', '2024-02-02'),
    ])
    expect(sorted.map((x) => x.path)).toEqual(['new', 'old', 'none'])
  })
})

describe('scroll mapping', () => {
  const blocks = [
    { line: 5, top: 100 },
    { line: 9, top: 300 },
    { line: 20, top: 800 },
  ]
  it('puts a block’s first line at the block’s top', () => {
    expect(offsetForLine(blocks, 9)).toBe(300)
  })
  it('interpolates between blocks', () => {
    expect(offsetForLine(blocks, 7)).toBe(200)
  })
  it('maps an offset back to the line it came from', () => {
    expect(lineForOffset(blocks, offsetForLine(blocks, 14))).toBe(14)
  })
  it('keeps lines before the first block at the top', () => {
    expect(offsetForLine(blocks, 1)).toBe(0)
  })
})
