import rehypeHighlight from 'rehype-highlight'
import rehypeKatex from 'rehype-katex'
import rehypeRaw from 'rehype-raw'
import rehypeStringify from 'rehype-stringify'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Plugin } from 'unified'
import { describe, expect, it } from 'vitest'
import { createRandom } from '../../../bench/prng'
import { renderMarkdown } from '../../../src/core/markdown'
import {
  mayHoldHighlightedCode,
  mayHoldMath,
  rehypeHighlightWhenCode,
  rehypeKatexWhenMath,
} from '../../../src/core/markdown/rehypeWhenSourceMay'

/** A rehype plugin as the test composes it (options optional). */
type RehypePlugin = Plugin<[{ strict: boolean }?]>

function htmlWith(katex: unknown, highlight: unknown, markdown: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .use(katex as RehypePlugin, { strict: false })
      .use(highlight as RehypePlugin)
      .use(rehypeStringify)
      .processSync(markdown),
  )
}

// Pieces that make math, code and the classes KaTeX and the highlighter look for, among others.
const pieces = [
  'word ',
  'x',
  '$',
  '$$',
  '\\n',
  '\\n\\n',
  '```',
  '```js\\n',
  '```math\\n',
  '~~~',
  '~~~python\\n',
  '    indented\\n',
  '`',
  'let a = 1;',
  'E = mc^2',
  'math',
  'lang',
  '<pre><code class="language-css">',
  '</code></pre>',
  '<span class="math-inline">',
  '</span>',
  '<code class="lang-js">',
  '</code>',
  '<div class="math-display">',
  '</div>',
  'nohighlight',
  '> ',
  '- ',
  '\\\\',
]

describe('rehype transforms that run only where the source may need them', () => {
  it('gives exactly the HTML of always running KaTeX and the highlighter', () => {
    const random = createRandom(4242)
    let skipped = 0
    for (let i = 0; i < 300; i++) {
      const markdown = Array.from({ length: random.int(1, 14) }, () => random.pick(pieces))
        .join('')
        .replaceAll('\\n', '\n')
      if (!mayHoldMath(markdown) || !mayHoldHighlightedCode(markdown)) skipped++
      expect(htmlWith(rehypeKatexWhenMath, rehypeHighlightWhenCode, markdown), markdown).toBe(
        htmlWith(rehypeKatex, rehypeHighlight, markdown),
      )
    }
    expect(skipped).toBeGreaterThan(30)
  })

  it('still renders math and highlights code in the Folio pipeline', () => {
    const html = renderMarkdown('Inline $x^2$.\n\n```js\nconst a = 1\n```\n\n```math\ny\n```').html
    expect(html).toContain('class="katex"')
    expect(html).toContain('hljs-keyword')
    expect(html.match(/katex-display/g)?.length).toBe(1)
  })

  it('says "cannot" only for text without the marks', () => {
    expect(mayHoldMath('No money here.')).toBe(false)
    expect(mayHoldMath('Costs $5')).toBe(true)
    expect(mayHoldHighlightedCode('    indented code\n')).toBe(false)
    expect(mayHoldHighlightedCode('~~~rust\nfn main() {}\n~~~')).toBe(true)
  })
})
