import { gfm } from 'micromark-extension-gfm'
import type { Extension } from 'micromark-util-types'
import rehypeStringify from 'rehype-stringify'
import remarkGfmReference from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Plugin } from 'unified'
import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../bench/prng'
import { renderMarkdown } from '../../../src/core/markdown'
import {
  hasLiteralCandidate,
  remarkGfm,
  withoutConstructs,
} from '../../../src/core/markdown/remarkGfm'

function htmlWith(gfm: Plugin, markdown: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(gfm)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(markdown),
  )
}

const documents = [
  'Plain words and no literal at all.',
  'Visit www.example.com today, or WWW.EXAMPLE.ORG/path?q=1.',
  'A secure https://example.com/a_(b) link and http://x.y.',
  'Write to someone@example.com or mailto:team@example.org, or xmpp:bot@example.net/home.',
  '| Site | Mail |\n| --- | --- |\n| www.table.test | cell@table.test |',
  '*Emphasis with www.emphasis.test* and **strong https://strong.test**.',
  '[already a link www.inside.test](https://outside.test) and [ref www.ref.test][r]\n\n[r]: https://r.test',
  '`code www.code.test` and\n\n```\nfenced https://fenced.test\n```',
  '> quoted www.quote.test\n\n- item someone@list.test\n- [ ] task https://task.test',
  'Footnote[^1].\n\n[^1]: With www.footnote.test inside.',
  'Not a literal: wwwexample.com, httpx://nope, at @ alone.',
  'Trailing punctuation: www.example.com. (https://example.com/path).',
]

describe('remarkGfm', () => {
  it('parses every document exactly as remark-gfm does', () => {
    for (const markdown of documents) {
      expect(htmlWith(remarkGfm as Plugin, markdown), markdown).toBe(
        htmlWith(remarkGfmReference as Plugin, markdown),
      )
    }
  })

  it('parses seeded random documents, with and without @ and table marks, exactly as remark-gfm does', () => {
    // Words and marks that e-mail, www and protocol literals are made of, next to GFM's others.
    const pieces = [
      'word',
      'a.b',
      'x_y',
      'a-b',
      'c+d',
      '@',
      'at@host.test',
      'www.site.test',
      'https://h.test/p',
      'mailto:',
      '-:',
      ':-',
      '---',
      '| a |',
      '|-|',
      'a\n-:',
      'xmpp:',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '*',
      '_',
      '~~',
      '`',
      '[',
      ']',
      '(',
      ')',
      '|',
      '- ',
      '1. ',
      '> ',
      '#',
      '.',
      ',',
      '\\',
      '<',
      '>',
      '&amp;',
      '[^1]',
      ':',
      '/',
    ]
    const random = createRandom(20261125)
    let withoutAt = 0
    for (let i = 0; i < 400; i++) {
      const parts = Array.from({ length: random.int(1, 30) }, () => random.pick(pieces))
      const markdown = parts.join('')
      if (!markdown.includes('@')) withoutAt++
      expect(htmlWith(remarkGfm as Plugin, markdown), markdown).toBe(
        htmlWith(remarkGfmReference as Plugin, markdown),
      )
    }
    expect(withoutAt).toBeGreaterThan(50)
  })

  it('drops only the constructs it is told to', () => {
    const syntax = gfm()
    const names = (extension: Extension) =>
      new Set(
        [...Object.values(extension.text ?? {}), ...Object.values(extension.flow ?? {})]
          .flat()
          .map((construct) => construct?.name),
      )
    expect(names(syntax).has('emailAutolink') && names(syntax).has('table')).toBe(true)
    const trimmed = names(withoutConstructs(syntax, ['emailAutolink', 'table']))
    expect(trimmed.has('emailAutolink') || trimmed.has('table')).toBe(false)
    for (const kept of ['wwwAutolink', 'protocolAutolink', 'strikethrough', 'tasklistCheck'])
      expect(trimmed.has(kept), kept).toBe(true)
  })

  it('still turns literals into links in the Folio pipeline', () => {
    const html = renderMarkdown('See www.example.com and write to me@example.com.').html
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>')
    expect(html).toContain('<a href="mailto:me@example.com">me@example.com</a>')
  })

  it('looks for literal candidates only in text outside links', () => {
    const tree = unified().use(remarkParse).parse('[www.a.test](https://b.test) plain `c@d.test`')
    expect(hasLiteralCandidate(tree)).toBe(false)
    expect(hasLiteralCandidate(unified().use(remarkParse).parse('plain e@f.test'))).toBe(true)
  })
})
