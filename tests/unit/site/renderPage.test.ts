import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/core/markdown'
import { loadTheme, setResourcesDir, resourcesDir } from '../../../src/core/site'
import { articlePageContext, renderPage } from '../../../src/core/site/render'
import { relatedArticles } from '../../../src/core/site/relatedArticles'
import type { ArticleInput } from '../../../src/core/site/render'
import { articleInput } from './articleInput'

const site = {
  title: 'Field <Notes>',
  baseUrl: 'https://notes.example.com/',
  language: 'en',
  author: 'Ada',
  description: 'Notes',
}

function article(slug: string, fields: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput(slug, { date: '2025-02-14', body: 'Some words here.', ...fields })
}

describe('renderPage', () => {
  it('renders an article page with the theme, escaping text and inlining CSS for the preview', async () => {
    const theme = await loadTheme({ root: os.tmpdir(), config: { theme: 'default' } } as never)
    const { html, headings } = renderMarkdown('## Part one\n\nHello.')
    const page = renderPage(
      theme,
      'article',
      articlePageContext({
        article: article('hello', { title: 'Hi <script>x</script>', tags: ['walking'] }),
        html,
        headings,
        site,
        preview: { css: 'body{color:red}' },
      }),
    )
    expect(page).toContain('<title>Hi &lt;script&gt;x&lt;/script&gt; · Field &lt;Notes&gt;</title>')
    expect(page).toContain('<h2 id="part-one">Part one</h2>')
    expect(page).toContain('<style>body{color:red}</style>')
    expect(page).toContain('href="../tags/walking/"')
    expect(page).toContain('<link rel="canonical" href="https://notes.example.com/hello/">')
    expect(page).toContain('"@type":"BlogPosting"')
  })

  it('cannot read files from disk through include', () => {
    const theme = {
      name: 't',
      css: '',
      templates: { 'layouts/x.liquid': "{% include '/etc/passwd' %}" },
    }
    expect(() => renderPage(theme, 'x', {})).toThrow(/Template error in theme "t"/)
  })

  it('reports a missing layout by name', () => {
    expect(() => renderPage({ name: 't', css: '', templates: {} }, 'article', {})).toThrow(
      'Theme "t" has no layout "article"',
    )
  })

  it('keeps JSON-LD from ending its script element', () => {
    const theme = {
      name: 't',
      css: '',
      templates: { 'layouts/article.liquid': '{{ page.jsonLd | raw }}' },
    }
    const out = renderPage(
      theme,
      'article',
      articlePageContext({ article: article('x', { title: '</script><b>' }), html: '', site }),
    )
    expect(out).not.toContain('</script>')
  })
})

describe('relatedArticles', () => {
  it('ranks shared tags first, then shared words, never the article itself', () => {
    const a = article('a', { tags: ['sea'], body: 'lighthouse keeper lantern' })
    const b = article('b', { tags: ['sea'], body: 'cooking pasta' })
    const c = article('c', { tags: [], body: 'lighthouse keeper lantern lantern' })
    const d = article('d', { tags: [], body: 'mountains snow' })
    const related = relatedArticles([a, b, c, d])
    expect(related.get('posts/a.md')?.map((x) => x.slug)).toEqual(['b', 'c'])
    expect(related.get('posts/d.md')?.map((x) => x.slug)).toEqual([])
  })
})

describe('loadTheme', () => {
  it('prefers the workspace copy of a theme', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-theme-'))
    try {
      await fs.mkdir(path.join(root, 'themes/default/layouts'), { recursive: true })
      await fs.writeFile(path.join(root, 'themes/default/layouts/article.liquid'), 'mine')
      const theme = await loadTheme({ root, config: { theme: 'default' } } as never)
      expect(theme.templates['layouts/article.liquid']).toBe('mine')
    } finally {
      await fs.rm(root, { recursive: true, force: true })
    }
  })

  it('reads bundled themes from the resources folder set by the app', async () => {
    const original = resourcesDir()
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-res-'))
    try {
      await fs.mkdir(path.join(dir, 'themes/default/assets'), { recursive: true })
      await fs.writeFile(path.join(dir, 'themes/default/assets/style.css'), 'p{}')
      setResourcesDir(dir)
      const theme = await loadTheme({ root: os.tmpdir(), config: { theme: 'default' } } as never)
      expect(theme.css).toBe('p{}')
    } finally {
      setResourcesDir(original)
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('names a missing theme', async () => {
    await expect(
      loadTheme({ root: os.tmpdir(), config: { theme: 'nonexistent' } } as never),
    ).rejects.toThrow('Theme "nonexistent" was not found')
  })
})

describe('browser-safe modules', () => {
  it('import nothing from node: in markdown/ and site/render/', async () => {
    const dirs = ['src/core/markdown', 'src/core/site/render']
    for (const dir of dirs) {
      for (const name of await fs.readdir(dir)) {
        const text = await fs.readFile(path.join(dir, name), 'utf8')
        expect(text, `${dir}/${name}`).not.toMatch(/from '(node:|fs|path|os)/)
      }
    }
  })
})
