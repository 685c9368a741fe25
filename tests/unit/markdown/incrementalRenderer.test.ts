import { describe, expect, it } from 'vitest'
import { createIncrementalRenderer, renderMarkdown, splitBlocks } from '../../../src/core/markdown'
import { blankFrontMatter } from '../../../src/core/markdown/frontMatterRegion'

const article = `---
title: Blocks
---

# Intro

First paragraph with a [reference link][ref] and **bold**.

- one
- two

- loose item after a blank line
  continued

1. first
2. second

\`\`\`js
const a = 1

const b = 2
\`\`\`

$$
x^2

+ y
$$

> quoted

| a | b |
| - | - |
| 1 | 2 |

## Intro

<div>raw <b>html</b></div>

    indented code

    still code

Setext heading
--------------

![pic](pic.png)

[ref]: https://example.com
`

/** The whole article rendered at once, as the build renders its body (lines kept). */
function full(text: string) {
  return renderMarkdown(blankFrontMatter(text), { sourceLines: true })
}

describe('splitBlocks', () => {
  it('joins back to the same text', () => {
    expect(
      splitBlocks(article)
        .map((block) => block.text)
        .join('\n'),
    ).toBe(article)
  })

  it('never splits inside fenced code, math, a list or indented code', () => {
    const texts = splitBlocks(article).map((block) => block.text)
    expect(texts.some((text) => text.includes('const a = 1\n\nconst b = 2'))).toBe(true)
    expect(texts.some((text) => text.includes('x^2\n\n+ y'))).toBe(true)
    expect(texts.some((text) => text.includes('- two\n\n- loose item'))).toBe(true)
    expect(texts.some((text) => text.includes('indented code\n\n    still code'))).toBe(true)
  })
})

describe('incremental rendering', () => {
  it('gives the same HTML, headings and images as a full render', () => {
    const result = createIncrementalRenderer({ sourceLines: true }).render(article)
    const expected = full(article)
    expect(result.html.replace(/\n/g, '')).toBe(expected.html.replace(/\n/g, ''))
    expect(result.headings).toEqual(expected.headings)
    expect(result.images).toEqual(expected.images)
  })

  it('re-renders only the block an edit touched, and stays equal to a full render', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const first = renderer.render(article)
    const edited = article.replace('First paragraph', 'First edited paragraph')
    const second = renderer.render(edited)
    expect(first.rendered).toBe(first.blocks)
    expect(second.rendered).toBe(1)
    expect(second.html.replace(/\n/g, '')).toBe(full(edited).html.replace(/\n/g, ''))
  })

  it('shifts source lines when a block is inserted above', () => {
    const renderer = createIncrementalRenderer({ sourceLines: true })
    renderer.render(article)
    const edited = article.replace('# Intro\n', '# Intro\n\nA new paragraph.\n')
    const result = renderer.render(edited)
    expect(result.rendered).toBe(1)
    expect(result.html.replace(/\n/g, '')).toBe(full(edited).html.replace(/\n/g, ''))
  })

  it('stays incremental when [^x] appears without a footnote definition (e.g. in code)', () => {
    const text = 'Regex:\n\n```js\nconst re = /[^a-z]+/g\n```\n\nA [^x] that is not a note.\n'
    const renderer = createIncrementalRenderer()
    renderer.render(text)
    const result = renderer.render(text.replace('not a note', 'still not a note'))
    expect(result.rendered).toBe(1)
    expect(result.html.replace(/\n/g, '')).toBe(
      renderMarkdown(text.replace('not a note', 'still not a note')).html.replace(/\n/g, ''),
    )
  })

  it('falls back to a full render for footnotes, whose numbers span the article', () => {
    const text = 'A note[^1] and another[^2].\n\nMiddle.\n\n[^1]: One.\n[^2]: Two.\n'
    const result = createIncrementalRenderer().render(text)
    expect(result.html).toBe(renderMarkdown(text).html)
  })

  it('leaves JSON front matter out of the page, as the build does, keeping its lines counted', () => {
    const text = '{\n  "title": "Secret title",\n\n  "tags": ["a"]\n}\n\nHello *you*\n\nMore.\n'
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const first = renderer.render(text).html
    expect(first).not.toContain('Secret title')
    expect(first).toContain('<p data-line="7">Hello <em>you</em></p>')
    // The build renders the body after the front matter; it starts at line 6.
    const body = renderMarkdown(text.slice(text.indexOf('}\n') + 2)).html
    expect(first.replace(/ data-line="\d+"/g, '').trim()).toBe(body.trim())
    const retitled = text.replace('Secret title', 'Other title')
    expect(renderer.render(retitled).html).toBe(first)
    const typed = retitled.replace('More.', 'More words.')
    expect(renderer.render(typed).html).toContain('<p data-line="9">More words.</p>')
  })

  it('renders as from scratch when a `{` typed at the top makes JSON front matter of half the article', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`).join('\n\n')
    const text = `Intro.\n\n${paragraphs}\n\n\`\`\`\n}\n\`\`\`\n\nEnd.\n`
    const renderer = createIncrementalRenderer({ sourceLines: true })
    renderer.render(text)
    const typed = `{\n${text}`
    const html = renderer.render(typed, { from: 0, to: 0, insert: '{\n' }).html
    expect(html).toBe(createIncrementalRenderer({ sourceLines: true }).render(typed).html)
    expect(html).not.toContain('Paragraph 39.')
    expect(html).toContain('End.')
  })

  it('leaves out YAML front matter closed by `...`, which the build reads as front matter', () => {
    const text = '---\ntitle: Dots\n...\n\nBody.\n'
    const html = createIncrementalRenderer({ sourceLines: true }).render(text).html
    expect(html.trim()).toBe('<p data-line="5">Body.</p>')
  })

  it('renders a text that opens with an unclosed `{` as text, as the build does', () => {
    const text = '{ not front matter\n\nHello\n'
    expect(createIncrementalRenderer().render(text).html).toBe(renderMarkdown(text).html)
  })

  // Each of these reaches past a blank line (or past its block) in a whole render.
  const crossing: [string, string][] = [
    ['fenced code in a list item', '- item\n\n  ```\n  a\n\n  ```\n\n```\ncode\n\nmore\n```\n'],
    ['a list after a paragraph', 'Intro\n- a\n\n- b\n'],
    ['an HTML comment over a blank line', '<!-- hidden\n\nstill hidden -->\n\nShown.\n'],
    ['a later `---` line that is not front matter', 'Para.\n\n---\ntitle\n---\n'],
    [
      'a body that opens with `---` lines',
      '---\ntitle: T\n---\n---\nNot front matter\n---\n\nPara.\n',
    ],
    ['a `+++` block after a paragraph', 'Para.\n\n+++\ntitle\n+++\n'],
    ['an element left open', '<div>\n\nInside?\n\n</div>\n\nAfter.\n'],
    ['raw HTML elsewhere', '<b>bold</b>\n\n```\n\nleading line\n```\n'],
    ['a definition inside code', '[foo]\n\n```\n[foo]: /url\n```\n'],
    ['a definition inside a quote', '[foo]\n\n> [foo]: /url\n'],
    ['a backtick fence with a backtick in its info', '``` a`b\n\n```\ncode\n\nmore\n```\n'],
    ['an unclosed fence after a reference', '[foo] text\n```\nopen\n\n[foo]: /url\n'],
  ]
  for (const [name, text] of crossing) {
    it(`equals a full render with ${name}, as written and after typing in it`, () => {
      const renderer = createIncrementalRenderer({ sourceLines: true })
      const strip = (html: string): string => html.replace(/\n+/g, '\n').trim()
      expect(strip(renderer.render(text).html)).toBe(strip(full(text).html))
      const typed = text.replace('\n\n', '\n\nx')
      expect(strip(renderer.render(typed).html)).toBe(strip(full(typed).html))
    })
  }
})

describe('front matter and link definitions', () => {
  it('takes no definition from YAML front matter (a `[a]: b` key there is YAML, as the build reads it)', () => {
    const text = '---\n[a]: https://front.test/\ntitle: T\n---\n\nIntro.\n\nMore.\n\nSee [a].\n'
    const renderer = createIncrementalRenderer({ sourceLines: true })
    const html = renderer.render(text).html
    expect(html).not.toContain('front.test')
    expect(html).toContain('See [a].')
    const typed = text.replace('See', 'Now see')
    expect(
      renderer.render(typed, { from: text.indexOf('See'), to: text.indexOf('See'), insert: 'Now ' })
        .html,
    ).not.toContain('front.test')
  })
})
