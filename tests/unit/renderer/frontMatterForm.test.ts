import { history, undo } from '@codemirror/commands'
import { EditorState, Text } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import {
  datePicked,
  keepTyping,
  dateToWrite,
  frontMatterSource,
  readFormFields,
  setFieldsTransaction,
} from '../../../src/renderer/src/editor/frontMatterForm'

const article = [
  '---',
  '# kept comment',
  "title: 'Tides'",
  'date: 2025-02-14T08:30:00+01:00',
  'tags: [walking, sea]',
  'image: harbour.png',
  'custom: { keep: me }',
  '---',
  '',
  'Body text.',
  '',
].join('\n')

function apply(state: EditorState, fields: Record<string, unknown>): EditorState {
  const spec = setFieldsTransaction(state, fields)
  if (!spec) throw new Error('no change')
  return state.update(spec).state
}

describe('the front matter form model', () => {
  it('reads the fields the form shows, with the cover under the key the file uses', () => {
    const reading = readFormFields(article)
    expect(reading).toEqual({
      ok: true,
      fields: {
        title: 'Tides',
        date: '2025-02-14',
        dateWritten: '2025-02-14T08:30:00+01:00',
        description: '',
        tags: ['walking', 'sea'],
        draft: false,
        coverKey: 'image',
        cover: 'harbour.png',
        author: '',
      },
    })
  })

  it('reads TOML front matter too', () => {
    const reading = readFormFields('+++\ntitle = "Hugo post"\ndraft = true\n+++\n\nBody\n')
    expect(reading.ok && reading.fields.title).toBe('Hugo post')
    expect(reading.ok && reading.fields.draft).toBe(true)
  })

  it('reports malformed front matter with its line, so the form is disabled', () => {
    expect(readFormFields('---\ntitle: [unclosed\n---\nBody\n')).toMatchObject({
      ok: false,
      line: 2,
    })
  })

  it('changes one field and leaves comments, quoting, other keys and the body byte for byte', () => {
    const state = EditorState.create({ doc: article })
    const next = apply(state, { title: 'High tides' })
    expect(next.doc.toString()).toBe(article.replace("title: 'Tides'", "title: 'High tides'"))
  })

  it('is one undoable change in the editor, and keeps the cursor in the body', () => {
    const cursor = article.indexOf('Body')
    const state = EditorState.create({
      doc: article,
      selection: { anchor: cursor },
      extensions: [history()],
    })
    const next = apply(state, { draft: true, tags: ['walking', 'sea', 'tides'] })
    expect(next.doc.toString()).toContain('draft: true')
    expect(next.doc.toString()).toContain('tags: [walking, sea, tides]')
    expect(next.sliceDoc(next.selection.main.head, next.selection.main.head + 4)).toBe('Body')
    let undone = next
    undo({ state: next, dispatch: (tr) => (undone = tr.state) })
    expect(undone.doc.toString()).toBe(article)
  })

  it('removes a field set to null, and returns null when nothing changes', () => {
    const state = EditorState.create({ doc: article })
    expect(apply(state, { image: null }).doc.toString()).not.toContain('image:')
    expect(setFieldsTransaction(state, { title: 'Tides' })).toBeNull()
  })

  it('refuses to edit malformed front matter', () => {
    const state = EditorState.create({ doc: '---\ntitle: [unclosed\n---\nBody\n' })
    expect(() => setFieldsTransaction(state, { title: 'x' })).toThrow(/cannot be edited/)
  })

  it('keeps a space typed at the end of a field when the text is read again', () => {
    const typed = readFormFields('---\ntitle: Hello\n---\n')
    if (!typed.ok) throw new Error('unreadable')
    const withSpace = { ok: true as const, fields: { ...typed.fields, title: 'Hello ' } }
    const again = keepTyping(withSpace, readFormFields('---\ntitle: Hello\n---\n'))
    expect(again?.ok && again.fields.title).toBe('Hello ')
    const changed = keepTyping(withSpace, readFormFields('---\ntitle: Goodbye\n---\n'))
    expect(changed?.ok && changed.fields.title).toBe('Goodbye')
  })

  it('writes a date from the date field only when it is whole, or cleared on purpose', () => {
    expect(dateToWrite('2024-12-25', false)).toBe(true)
    expect(dateToWrite('0002-12-25', false)).toBe(false)
    expect(dateToWrite('252024-01-20', false)).toBe(false)
    expect(dateToWrite('', true)).toBe(false)
    expect(dateToWrite('', false)).toBe(true)
  })

  it('keeps the time and zone of a written date when a new day is picked', () => {
    expect(datePicked('2025-02-14T08:30:00+01:00', '2025-03-01')).toBe('2025-03-01T08:30:00+01:00')
    expect(datePicked('', '2025-03-01')).toBe('2025-03-01')
    expect(datePicked('2025-02-14', '')).toBeNull()
  })
})

describe('frontMatterSource', () => {
  const long = 'Body words go on. '.repeat(20_000)
  const cases: [string, string][] = [
    ['YAML', `---\ntitle: Long\ntags: [a]\n---\n\n${long}`],
    ['TOML', `+++\ntitle = "Long"\n+++\n${long}`],
    ['JSON', `{\n  "title": "Long"\n}\n\n${long}`],
    [
      'a block longer than the first slice',
      `---\ntitle: Long\nnotes: "${'n'.repeat(9000)}"\n---\n${long}`,
    ],
    ['no front matter', `# Heading\n\n${long}`],
    ['a fence that never closes', `---\ntitle: Long\n${long}`],
  ]
  for (const [name, article] of cases) {
    it(`reads the same fields as the whole text: ${name}`, () => {
      const source = frontMatterSource(Text.of(article.split('\n')))
      expect(source.length).toBeLessThanOrEqual(article.length)
      expect(readFormFields(source)).toEqual(readFormFields(article))
    })
  }

  it('leaves the body out', () => {
    const source = frontMatterSource(Text.of(`---\ntitle: T\n---\n\n${long}`.split('\n')))
    expect(source).toBe('---\ntitle: T\n---\n')
  })

  it('does not take a closing fence cut by the slice for the end of the block', () => {
    const article = `---\ntitle: T\nx: "${'x'.repeat(4074)}"\n-----\nstill: front matter\n---\nBody`
    const source = frontMatterSource(Text.of(article.split('\n')))
    expect(source).toContain('still: front matter')
  })
})
