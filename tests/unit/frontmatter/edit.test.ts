import { describe, expect, it } from 'vitest'
import { parseFrontMatter, setFrontMatterFields } from '../../../src/core/frontmatter'

const yamlText = `---
# comment on top
title: "Quoted title"   # keep me
date: 2024-01-10
tags:
  - a
  - b
z_unknown: {nested: [1, 2]}
folded: >
  some
  text
---
Body *stays*.
`

describe('setFrontMatterFields on YAML', () => {
  it('changes only the touched field, keeping its quoting and everything else', () => {
    const out = setFrontMatterFields(yamlText, { title: 'New title' })
    expect(out).toBe(yamlText.replace('"Quoted title"', '"New title"'))
  })

  it('keeps the value of fields that repeat the edited one through a YAML alias', () => {
    const text = '---\ntitle: &t Hello\nog_title: *t\n---\nBody\n'
    const out = setFrontMatterFields(text, { title: 'New' })
    expect(out).toBe('---\ntitle: &t New\nog_title: Hello\n---\nBody\n')
    expect(parseFrontMatter(out).data).toMatchObject({ title: 'New', og_title: 'Hello' })
    expect(() => setFrontMatterFields(text, { title: null })).toThrow(/anchored \(&t\)/)
    // The repeating field set in the same call takes its new value, whole.
    expect(setFrontMatterFields(text, { title: 'New', og_title: 'X' })).toBe(
      '---\ntitle: &t New\nog_title: X\n---\nBody\n',
    )
    expect(setFrontMatterFields(text, { title: 'New', og_title: null })).toBe(
      '---\ntitle: &t New\n---\nBody\n',
    )
    const folded = '---\ntitle: &t >-\n  folded\n  text\ntags:\n  - *t\n---\n'
    expect(() => setFrontMatterFields(folded, { title: 'New' })).toThrow(/over several lines/)
  })

  it('rewrites a block list in the same block style and indentation', () => {
    const out = setFrontMatterFields(yamlText, { tags: ['x', 'y z'] })
    expect(out).toBe(yamlText.replace('  - a\n  - b', '  - x\n  - y z'))
    const indentless = '---\ntags:\n- a\n---\n'
    expect(setFrontMatterFields(indentless, { tags: ['b', 'c'] })).toBe(
      '---\ntags:\n- b\n- c\n---\n',
    )
  })

  it('keeps a flow list flow, with the same spacing inside the brackets', () => {
    expect(setFrontMatterFields('---\ntags: [a, b]\nx: 1\n---\n', { tags: ['c'] })).toBe(
      '---\ntags: [c]\nx: 1\n---\n',
    )
    expect(setFrontMatterFields('---\ntags: [ a ]\n---\n', { tags: ['c', 'd'] })).toBe(
      '---\ntags: [ c, d ]\n---\n',
    )
  })

  it('removes a field with null and appends new fields at the end', () => {
    const out = setFrontMatterFields(yamlText, { date: null, draft: true, 'odd key': 'v: x' })
    expect(out).toBe(
      yamlText
        .replace('date: 2024-01-10\n', '')
        .replace('  text\n---', '  text\ndraft: true\nodd key: "v: x"\n---'),
    )
  })

  it('removes a block list entirely', () => {
    expect(setFrontMatterFields(yamlText, { tags: null })).toBe(
      yamlText.replace('tags:\n  - a\n  - b\n', ''),
    )
  })

  it('changes nothing when no field is given, or the same value is set', () => {
    expect(setFrontMatterFields(yamlText, {})).toBe(yamlText)
    expect(setFrontMatterFields(yamlText, { date: '2024-01-10' })).toBe(yamlText)
  })

  it('quotes strings that YAML would otherwise read as other types', () => {
    const out = setFrontMatterFields('---\ntitle: x\n---\n', { title: 'true', n: '12' })
    expect(parseFrontMatter(out).data).toEqual({ title: 'true', n: '12' })
  })

  it('keeps CRLF line endings and the BOM', () => {
    const text = '\uFEFF---\r\ntitle: a\r\n---\r\nBody\r\n'
    expect(setFrontMatterFields(text, { title: 'b', draft: true })).toBe(
      '\uFEFF---\r\ntitle: b\r\ndraft: true\r\n---\r\nBody\r\n',
    )
  })

  it('adds YAML front matter to a text without any', () => {
    expect(setFrontMatterFields('# Hi\n', { title: 'Hi', tags: ['a'] })).toBe(
      '---\ntitle: Hi\ntags:\n  - a\n---\n# Hi\n',
    )
    expect(setFrontMatterFields('# Hi\n', { title: null })).toBe('# Hi\n')
  })

  it('refuses to edit malformed front matter, naming the line', () => {
    expect(() => setFrontMatterFields('---\ntitle: x\ntags: [a\n---\n', { title: 'y' })).toThrow(
      expect.objectContaining({ code: 'frontmatter', line: 3 }),
    )
  })
})

const tomlText = `+++
# comment
title = "First"
date = 2023-04-01T09:30:00+02:00
tags = [ "a", "b" ]
description = 'literal'
multi = """
two
lines"""

[params]
  mood = "happy"
+++
Body
`

describe('setFrontMatterFields on TOML', () => {
  it('replaces only values, keeps bare dates bare and literal strings literal', () => {
    const out = setFrontMatterFields(tomlText, {
      date: '2024-05-06',
      description: 'changed',
      tags: ['c'],
    })
    expect(out).toBe(
      tomlText
        .replace('2023-04-01T09:30:00+02:00', '2024-05-06')
        .replace("'literal'", "'changed'")
        .replace('[ "a", "b" ]', '[ "c" ]'),
    )
    expect(parseFrontMatter(out).data).toMatchObject({
      date: '2024-05-06',
      description: 'changed',
      tags: ['c'],
    })
  })

  it('removes multi-line values and adds new keys before the first table', () => {
    const out = setFrontMatterFields(tomlText, { multi: null, draft: true, 'with space': 'x' })
    expect(out).toBe(
      tomlText.replace('multi = """\ntwo\nlines"""\n', 'draft = true\n"with space" = "x"\n'),
    )
    expect(parseFrontMatter(out).data).toMatchObject({
      draft: true,
      'with space': 'x',
      params: { mood: 'happy' },
    })
  })
})

describe('setFrontMatterFields on JSON', () => {
  const jsonText = '{\n  "title": "J",\n  "tags": ["a"],\n  "n": 1\n}\nBody\n'
  it('replaces values, removes members with their comma, appends in the same style', () => {
    expect(setFrontMatterFields(jsonText, { title: 'K' })).toBe(jsonText.replace('"J"', '"K"'))
    expect(setFrontMatterFields(jsonText, { tags: null })).toBe(
      '{\n  "title": "J",\n  "n": 1\n}\nBody\n',
    )
    expect(setFrontMatterFields(jsonText, { title: null })).toBe(
      '{\n  "tags": ["a"],\n  "n": 1\n}\nBody\n',
    )
    expect(setFrontMatterFields(jsonText, { n: null, draft: true })).toBe(
      '{\n  "title": "J",\n  "tags": ["a"],\n  "draft": true\n}\nBody\n',
    )
  })
})
