import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/core/markdown'

const html = (markdown: string): string => renderMarkdown(markdown).html

describe('renderMarkdown: GFM', () => {
  it('renders tables with alignment', () => {
    expect(html('| a | b |\n|:--|--:|\n| 1 | 2 |')).toContain('<td align="right">2</td>')
  })

  it('renders task lists as disabled checkboxes', () => {
    expect(html('- [x] done\n- [ ] open')).toContain(
      '<li class="task-list-item"><input type="checkbox" checked disabled> done</li>',
    )
  })

  it('renders strikethrough', () => {
    expect(html('~~gone~~')).toBe('<p><del>gone</del></p>')
  })

  it('turns bare URLs into links', () => {
    expect(html('see https://example.com now')).toContain(
      '<a href="https://example.com">https://example.com</a>',
    )
  })

  it('renders footnotes whose links reach their targets', () => {
    const out = html('Claim[^1].\n\n[^1]: Source.')
    const refHref = /<a href="#([^"]+)"[^>]*data-footnote-ref/.exec(out)?.[1]
    expect(refHref).toBeDefined()
    expect(out).toContain(`<li id="${refHref}">`)
  })

  it('renders a body that opens with `---` lines as Markdown (the front matter is already off)', () => {
    expect(html('---\nNot front matter\n---\nBody')).toBe(
      '<hr>\n<h2 id="not-front-matter">Not front matter</h2>\n<p>Body</p>',
    )
    expect(html('+++\ntitle = "x"\n+++\nBody')).toBe('<p>+++\ntitle = "x"\n+++\nBody</p>')
  })
})

describe('renderMarkdown: math, headings, code', () => {
  it('renders inline math with KaTeX', () => {
    expect(html('Energy $E=mc^2$.')).toContain('<span class="katex">')
  })

  it('leaves dollar amounts as text, as Pandoc does', () => {
    expect(html('A price of $5 and $10 here.')).toBe('<p>A price of $5 and $10 here.</p>')
    expect(html('Costs $5, then $x$2.')).toBe('<p>Costs $5, then $x$2.</p>')
    expect(html('Between $ x $ spaces.')).toBe('<p>Between $ x $ spaces.</p>')
    expect(html('Energy $E=mc^2$, then $10.')).toContain('<span class="katex">')
    // What stands between two dollar amounts is Markdown as anywhere else.
    expect(html('$5 and **bold** or [a link](https://x.test/) and $10.')).toBe(
      '<p>$5 and <strong>bold</strong> or <a href="https://x.test/">a link</a> and $10.</p>',
    )
    expect(html('> A $5 and\n> more $10')).toBe(
      '<blockquote>\n<p>A $5 and\nmore $10</p>\n</blockquote>',
    )
  })

  it('renders display math as a KaTeX display block', () => {
    expect(html('$$\n\\int_0^1 x\\,dx\n$$')).toContain('<span class="katex-display">')
  })

  it('gives headings ids and lists them', () => {
    const out = renderMarkdown('# Hello *World*\n\n## Second one\n\n## Second one')
    expect(out.html).toContain('<h1 id="hello-world">')
    expect(out.headings).toEqual([
      { depth: 1, text: 'Hello World', id: 'hello-world' },
      { depth: 2, text: 'Second one', id: 'second-one' },
      { depth: 2, text: 'Second one', id: 'second-one-1' },
    ])
  })

  it('keeps links to heading ids working', () => {
    expect(html('## Setup\n\n[go](#setup)')).toContain('<a href="#setup">go</a>')
  })

  it('highlights fenced code with a language', () => {
    expect(html('```js\nconst a = 1\n```')).toContain('<span class="hljs-keyword">const</span>')
  })

  it('leaves code without a language unhighlighted but escaped', () => {
    expect(html('```\n<b>x</b>\n```')).toBe('<pre><code>&#x3C;b>x&#x3C;/b>\n</code></pre>')
  })
})

describe('renderMarkdown: raw HTML and options', () => {
  it('keeps safe raw HTML as elements rather than escaping it', () => {
    expect(html('<details><summary>More</summary>\n\nHidden *text*\n\n</details>')).toContain(
      '<details><summary>More</summary>',
    )
  })

  it('adds data-line to each top-level block when asked', () => {
    const out = renderMarkdown('\n\n\n# Title\n\nPara\n\n- item\n\n$$\nx\n$$', {
      sourceLines: true,
    }).html
    expect(out).toContain('<h1 data-line="4" id="title">')
    expect(out).toContain('<p data-line="6">')
    expect(out).toContain('<ul data-line="8">')
    expect(out).toContain('<div class="math-block" data-line="10">')
  })

  it("renders GitHub's alerts with their title, keeping the quote's source line", () => {
    const out = renderMarkdown('Intro.\n\n> [!WARNING]\n> Back up *first*.', {
      sourceLines: true,
    }).html
    expect(out).toContain('<div class="markdown-alert markdown-alert-warning" data-line="3">')
    expect(out).toContain('<p class="markdown-alert-title">')
    expect(out).toContain('Warning</p>')
    expect(out).toContain('<p>Back up <em>first</em>.</p>')
    expect(out).not.toContain('[!WARNING]')
    for (const kind of ['note', 'tip', 'important', 'caution'])
      expect(html(`> [!${kind.toUpperCase()}]\n> Text.`)).toContain(`markdown-alert-${kind}`)
  })

  it('leaves quotes that are no alert as quotes', () => {
    expect(html('> [!NOTE] on the same line as text')).toContain('<blockquote>')
    expect(html('> [!SPOILER]\n> Unknown kind.')).toContain('<blockquote>')
    expect(html('- > [!NOTE]\n  > In a list item.')).toContain('<blockquote>')
  })

  it('sanitizes what an alert holds', () => {
    const out = html('> [!NOTE]\n> <img src=x onerror=alert(1)> <script>alert(2)</script>')
    expect(out).toContain('markdown-alert-note')
    expect(out).not.toContain('onerror')
    expect(out).not.toContain('<script')
  })

  it('adds no data-line by default', () => {
    expect(html('# Title')).not.toContain('data-line')
  })

  it('rewrites relative image sources and reports them with lines', () => {
    const out = renderMarkdown('Text\n\n![a](img/a.png)\n\n![b](https://x.test/b.png)', {
      imageUrl: (src) => `folio-asset://workspace/posts/${src}`,
    })
    expect(out.html).toContain('<img src="folio-asset://workspace/posts/img/a.png" alt="a">')
    expect(out.html).toContain('<img src="https://x.test/b.png" alt="b">')
    expect(out.images).toEqual([{ src: 'img/a.png', line: 3 }])
  })
})
