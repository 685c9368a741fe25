/**
 * The front matter form above the editor. It shows the fields read from the editor's text (on
 * idle) and writes each change as a transaction on that same text, so the two never drift and
 * Undo in the editor undoes a form edit.
 */
import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import type { ActiveDocFeed } from '../state/activeDocFeed'
import {
  datePicked,
  keepTyping,
  frontMatterSource,
  readFormFields,
  setFieldsTransaction,
} from '../editor/frontMatterForm'
import type { FormFields, FormReading } from '../editor/frontMatterForm'
import type { EditorSession } from '../state/editorSession'
import { toFolioError } from '../../../core/errors'
import { DateField } from './DateField'
import { TagsInput } from './TagsInput'
import { usePreference } from './usePreference'

/** Props: the active article's feed, the session to write through, and the workspace's tags. */
export interface FrontMatterFormProps {
  feed: ActiveDocFeed
  session: EditorSession
  tags: readonly string[]
}

/**
 * Re-reads the active article's front matter after typing pauses (and at once when another
 * article opens); a pause that left the front matter as it was changes nothing.
 */
function useReading(feed: ActiveDocFeed): { path: string; reading: FormReading } | null {
  const [reading, setReading] = useState<{ path: string; reading: FormReading } | null>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastPath: string | null = null
    let lastSource: string | null = null
    const read = () => {
      const doc = feed.value
      const source = doc ? frontMatterSource(doc.state.doc) : null
      if (doc && doc.path === lastPath && source === lastSource) return
      lastSource = source
      setReading(
        doc && source !== null ? { path: doc.path, reading: readFormFields(source) } : null,
      )
    }
    const unsubscribe = feed.subscribe((doc) => {
      if (timer) clearTimeout(timer)
      if ((doc?.path ?? null) !== lastPath) {
        lastPath = doc?.path ?? null
        lastSource = null
        read()
        return
      }
      // NOTE: the reading is shown in the same task it is taken in. Rendered later, as React
      // schedules it, a click or keystroke landing in between would be undone by a reading older
      // than it.
      timer = setTimeout(() => flushSync(read), 150)
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [feed])
  return reading
}

/** The form; collapsed to one line on request. */
export function FrontMatterForm({ feed, session, tags }: FrontMatterFormProps) {
  const current = useReading(feed)
  const [open, setOpen] = usePreference('frontMatterForm', true)
  const [problem, setProblem] = useState<string | null>(null)
  const [local, setLocal] = useState<FormReading | null>(null)
  // NOTE: a new reading of the text replaces the form's values during render, not in an effect:
  // an effect runs after paint, and a click landing in between would be undone by it.
  const [seen, setSeen] = useState<typeof current>(null)
  if (current !== seen) {
    setSeen(current)
    const reading = current?.reading ?? null
    setLocal(current && current.path === seen?.path ? keepTyping(local, reading) : reading)
    setProblem(null)
  }
  if (!current || !local) return null

  const write = (fields: Record<string, unknown>, shown: Partial<FormFields>) => {
    const state = session.stateOf(current.path)
    if (!state || !local.ok) return
    try {
      const spec = setFieldsTransaction(state, fields)
      if (spec) session.update(current.path, spec)
      setLocal({ ok: true, fields: { ...local.fields, ...shown } })
      setProblem(null)
    } catch (err) {
      setProblem(toFolioError(err, current.path).message)
    }
  }
  /**
   * An optional text field: emptied, its key is removed rather than left blank. Spaces at either
   * end stay in the field, not in the text: a space typed before the next word would otherwise
   * make YAML quote the value, and the quotes would stay.
   */
  const textField = (key: string, shown: 'description' | 'cover' | 'author', value: string) =>
    write({ [key]: value.trim() === '' ? null : value.trim() }, { [shown]: value })

  return (
    <section
      className={open ? 'fm-form' : 'fm-form closed'}
      aria-label="Front matter"
      data-testid="frontmatter-form"
    >
      <button
        type="button"
        className="fm-toggle"
        aria-expanded={open}
        data-testid="frontmatter-toggle"
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} Front matter
      </button>
      {open && !local.ok && (
        <p className="fm-problem" role="alert" data-testid="frontmatter-form-error">
          The form is off until the front matter is fixed: {local.message} (line {local.line})
        </p>
      )}
      {open && problem && (
        <p className="fm-problem" role="alert">
          {problem}
        </p>
      )}
      {open && (
        <fieldset className="fm-fields" disabled={!local.ok}>
          <label className="fm-field fm-title">
            <span>Title</span>
            <input
              data-testid="fm-title"
              value={local.ok ? local.fields.title : ''}
              onChange={(e) => write({ title: e.target.value.trim() }, { title: e.target.value })}
            />
          </label>
          <label className="fm-field fm-date">
            <span>Date</span>
            <DateField
              value={local.ok ? local.fields.date : ''}
              onDate={(day) => {
                if (!local.ok) return
                const value = datePicked(local.fields.dateWritten, day)
                write({ date: value }, { date: day, dateWritten: value ?? '' })
              }}
            />
          </label>
          <label className="fm-field fm-check">
            <input
              type="checkbox"
              data-testid="fm-draft"
              checked={local.ok && local.fields.draft}
              onChange={(e) =>
                write({ draft: e.target.checked ? true : null }, { draft: e.target.checked })
              }
            />
            <span>Draft</span>
          </label>
          <label className="fm-field fm-description">
            <span>Description</span>
            <input
              data-testid="fm-description"
              value={local.ok ? local.fields.description : ''}
              onChange={(e) => textField('description', 'description', e.target.value)}
            />
          </label>
          <div className="fm-field fm-tags">
            <span>Tags</span>
            <TagsInput
              tags={local.ok ? local.fields.tags : []}
              suggestions={tags}
              onChange={(next) => write({ tags: next.length ? next : null }, { tags: next })}
            />
          </div>
          <label className="fm-field fm-cover">
            <span>Cover image</span>
            <input
              data-testid="fm-cover"
              value={local.ok ? local.fields.cover : ''}
              onChange={(e) => {
                if (local.ok) textField(local.fields.coverKey, 'cover', e.target.value)
              }}
            />
          </label>
          <label className="fm-field fm-author">
            <span>Author</span>
            <input
              data-testid="fm-author"
              value={local.ok ? local.fields.author : ''}
              onChange={(e) => textField('author', 'author', e.target.value)}
            />
          </label>
        </fieldset>
      )}
    </section>
  )
}
