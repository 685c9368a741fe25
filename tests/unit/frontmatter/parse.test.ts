import { describe, expect, it } from 'vitest'
import { parseFrontMatter } from '../../../src/core/frontmatter'

describe('parseFrontMatter', () => {
  it('reads YAML front matter, keeping dates as written', () => {
    const r = parseFrontMatter(
      '---\ntitle: Hello\ndate: 2024-01-05T23:30:00+09:00\ntags: [a, b]\n---\n# Body\n',
    )
    expect(r.format).toBe('yaml')
    expect(r.data).toEqual({
      title: 'Hello',
      date: '2024-01-05T23:30:00+09:00',
      tags: ['a', 'b'],
    })
    expect(r.body).toBe('# Body\n')
    expect(r.bodyStartLine).toBe(6)
    expect(r.error).toBeUndefined()
  })

  it('tolerates a BOM and CRLF line endings', () => {
    const r = parseFrontMatter('\uFEFF---\r\ntitle: Crlf\r\n---\r\nText\r\n')
    expect(r.data).toEqual({ title: 'Crlf' })
    expect(r.body).toBe('Text\r\n')
    expect(r.bodyStartLine).toBe(4)
  })

  it('reads TOML front matter with dates as written', () => {
    const r = parseFrontMatter(
      '+++\ntitle = "Hugo"\ndate = 2024-01-05T10:00:00Z\nday = 2023-02-01\ndraft = true\n[params]\nx = 1\n+++\nBody',
    )
    expect(r.format).toBe('toml')
    expect(r.data).toEqual({
      title: 'Hugo',
      date: '2024-01-05T10:00:00Z',
      day: '2023-02-01',
      draft: true,
      params: { x: 1 },
    })
    expect(r.body).toBe('Body')
    expect(r.bodyStartLine).toBe(9)
  })

  it('reads JSON front matter', () => {
    const r = parseFrontMatter('{\n  "title": "J {x}",\n  "tags": ["a"]\n}\nBody\n')
    expect(r.format).toBe('json')
    expect(r.data).toEqual({ title: 'J {x}', tags: ['a'] })
    expect(r.body).toBe('Body\n')
    expect(r.bodyStartLine).toBe(5)
  })

  it('returns the whole text as body when there is no front matter', () => {
    const r = parseFrontMatter('# Just text\n---\n')
    expect(r).toEqual({
      format: null,
      data: {},
      body: '# Just text\n---\n',
      bodyStartLine: 1,
    })
  })

  it('reports malformed YAML with its line in the file, without throwing', () => {
    const r = parseFrontMatter('---\ntitle: ok\ntags: [a, b\nother: 1\n---\nBody\n')
    expect(r.error?.line).toBeGreaterThanOrEqual(3)
    expect(r.error?.message).toMatch(/YAML/)
    expect(r.body).toBe('Body\n')
  })

  it('reports malformed TOML with its line', () => {
    const r = parseFrontMatter('+++\ntitle = "x"\nbroken = \n+++\n')
    expect(r.error?.line).toBe(3)
  })

  it('reports malformed JSON with its line', () => {
    const r = parseFrontMatter('{\n"a": 1,\n"b": }\nBody')
    expect(r.error?.line).toBe(3)
  })

  it('reports a fence that never closes', () => {
    const r = parseFrontMatter('---\ntitle: x\nno end\n')
    expect(r.error).toEqual({
      message: expect.stringMatching(/never closed/),
      line: 1,
    })
  })

  it('reports front matter that is not a mapping', () => {
    const r = parseFrontMatter('---\n- a\n- b\n---\n')
    expect(r.error?.line).toBe(2)
  })

  it('treats empty front matter as no fields', () => {
    const r = parseFrontMatter('---\n---\nBody')
    expect(r.data).toEqual({})
    expect(r.body).toBe('Body')
    expect(r.bodyStartLine).toBe(3)
  })
})
