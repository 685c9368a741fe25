/** The outline of the open article: its headings, the current one marked; click to jump. */
import { EditorSelection } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useEffect, useState } from 'react'
import { currentSection, outlineOf } from '../editor/outline'
import type { OutlineEntry } from '../editor/outline'
import type { ActiveDocFeed } from '../state/activeDocFeed'

/** Props: the feed of the active document and the view to move when a heading is clicked. */
export function OutlinePanel({ feed, view }: { feed: ActiveDocFeed; view: EditorView | null }) {
  const [entries, setEntries] = useState<OutlineEntry[]>([])
  const [current, setCurrent] = useState(-1)
  useEffect(() => {
    let handle: ReturnType<typeof setTimeout> | null = null
    let lastDoc: unknown = null
    let latest: OutlineEntry[] = []
    const unsubscribe = feed.subscribe((doc) => {
      if (!doc) {
        latest = []
        setEntries([])
        return
      }
      if (doc.state.doc === lastDoc) {
        setCurrent(currentSection(latest, doc.state.selection.main.head))
        return
      }
      lastDoc = doc.state.doc
      if (handle) clearTimeout(handle)
      // Recomputed when typing pauses, never on the keystroke itself.
      handle = setTimeout(() => {
        handle = null
        const value = feed.value
        if (!value) return
        latest = outlineOf(value.state)
        setEntries(latest)
        setCurrent(currentSection(latest, value.state.selection.main.head))
      }, 300)
    })
    return () => {
      unsubscribe()
      if (handle) clearTimeout(handle)
    }
  }, [feed])

  if (entries.length === 0) return null
  const minLevel = Math.min(...entries.map((e) => e.level))
  return (
    <section className="outline" aria-label="Outline" data-testid="outline">
      <div className="sidebar-title outline-title">Outline</div>
      <ul>
        {entries.map((entry, index) => (
          <li key={`${entry.from}-${index}`}>
            <button
              type="button"
              className={index === current ? 'outline-item current' : 'outline-item'}
              style={{ paddingLeft: `${8 + (entry.level - minLevel) * 12}px` }}
              data-testid="outline-item"
              onClick={() => {
                if (!view || entry.from > view.state.doc.length) return
                view.dispatch({
                  selection: EditorSelection.cursor(entry.from),
                  effects: EditorView.scrollIntoView(entry.from, { y: 'start', yMargin: 40 }),
                })
                view.focus()
              }}
            >
              {entry.text || '(untitled heading)'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
