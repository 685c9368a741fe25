import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseSimpleYaml } from '../../../src/core/frontmatter/simpleYaml'

// Every input the fast reader accepts must mean exactly what the full YAML parser says.
const accepted = [
  'title: Hello world\ndate: 2024-01-05\ntags: [a, b]\n',
  'title: "Quoted: yes # not a comment"\ndraft: true\nweight: 10\n',
  "title: 'single'\ndate: 2021-07-04 10:00:00 -0500\nupdated: 2021-07-04T10:00:00Z\n",
  'tags:\n  - one\n  - "two words"\ncategories:\n- x\nempty:\nlist: []\n',
  '# comment\n\ntitle: Über café, naïve\r\ndescription: a, b - c\r\n',
  'zero: 0\nbig: 123456789012345\nno_value:\n',
]
const rejected = [
  'title: x # comment\n',
  'title: Hello: world\n',
  'n: 1.5\n',
  'v: yes\n',
  'v: null\n',
  'a: 1\na: 2\n',
  'obj:\n  k: v\n',
  'text: |\n  block\n',
  'title: "esc \\" q"\n',
  'tags: ["a, b"]\n',
  'tags: [a, [b]]\n',
  'seq:\n  - k: v\n',
  'x: &anchor v\n',
  '__proto__: x\n',
  'folded: >\n  a\n',
  'title: first\n  continued\n',
  'v: 007\n',
]

describe('parseSimpleYaml', () => {
  it.each(accepted)('reads %j exactly as the YAML parser does', (source) => {
    const fast = parseSimpleYaml(source)
    expect(fast).not.toBeNull()
    expect(fast).toEqual(parse(source) ?? {})
  })

  it.each(rejected)('leaves %j to the full YAML parser', (source) => {
    expect(parseSimpleYaml(source)).toBeNull()
  })
})
