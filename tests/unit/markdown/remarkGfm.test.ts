import rehypeStringify from 'rehype-stringify'
import remarkGfmReference from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Plugin } from 'unified'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/core/markdown'
import { hasLiteralCandidate, remarkGfm } from '../../../src/core/markdown/remarkGfm'

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
