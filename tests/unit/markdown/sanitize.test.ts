import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/core/markdown'

const html = (markdown: string): string => renderMarkdown(markdown).html

/** What must never appear in rendered output, whatever the author (or a pasted snippet) wrote. */
function expectHarmless(out: string): void {
  expect(out).not.toMatch(/<script/i)
  // Attribute names outside quoted values (a quoted value is only text).
  expect(out.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i)
  expect(out).not.toMatch(/javascript:/i)
  expect(out).not.toMatch(/vbscript:/i)
  expect(out).not.toMatch(/data:text/i)
  expect(out).not.toMatch(/<(iframe|object|embed|form|style|svg|base|meta|link)\b/i)
  expect(out).not.toMatch(/\sstyle=/i)
}

const attacks: [string, string][] = [
  ['script tag', '<script>alert(1)</script>'],
  ['script in paragraph', 'Hi <script>alert(1)</script> there'],
  ['img onerror', '<img src=x onerror="alert(1)">'],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ['javascript link in markdown', '[click](javascript:alert(1))'],
  ['javascript link in HTML', '<a href="javascript:alert(1)">x</a>'],
  ['upper-case javascript link', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  [
    'entity-encoded javascript',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
  ],
  ['tab inside javascript', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['tab inside markdown javascript', '[x](jav&#x09;ascript:alert(1))'],
  ['newline inside javascript', '<a href="java\nscript:alert(1)">x</a>'],
  ['vbscript link', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data html link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data html iframe', '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>'],
  ['iframe', '<iframe src="https://evil.test"></iframe>'],
  ['object', '<object data="evil.swf"></object>'],
  ['embed', '<embed src="evil.swf">'],
  ['form', '<form action="https://evil.test"><input name="q"><button>Go</button></form>'],
  ['style element', '<style>body{display:none}</style>'],
  ['style attribute', '<p style="position:fixed;top:0">x</p>'],
  [
    'event handler on allowed tag',
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
  ],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.test">'],
  ['base href', '<base href="https://evil.test/">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.test/x.css">'],
  ['math with xlink', '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>'],
  ['image with data html', '<img src="data:text/html;base64,PHNjcmlwdD4=">'],
  ['markdown image javascript', '![x](javascript:alert(1))'],
  ['broken comment trick', '<!--><img src=x onerror=alert(1)>-->'],
  ['unclosed attribute quote', '<img src="x" alt="a\' onerror=alert(1) x=\'">'],
]

describe('renderMarkdown: XSS battery', () => {
  for (const [name, markdown] of attacks) {
    it(`neutralizes ${name}`, () => {
      expectHarmless(html(markdown))
    })
  }

  it('keeps inline data: images in img', () => {
    const src = 'data:image/png;base64,iVBORw0KGgo='
    expect(html(`<img src="${src}" alt="dot">`)).toContain(`src="${src}"`)
  })

  it('prefixes user-written ids so they cannot clobber page globals', () => {
    expect(html('<img name="getElementById" id="folio" src="a.png">')).toContain(
      'id="user-content-folio"',
    )
  })

  it('keeps the text of an unwrapped element', () => {
    expect(html('<form><label>Name</label></form>')).toContain('Name')
  })
})
