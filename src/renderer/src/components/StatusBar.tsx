/** The status bar: word and character counts and reading time, for the article or selection. */
import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import type { ActiveDocFeed } from '../state/activeDocFeed'
import { bodyStart, countText } from '../editor/wordCount'
import type { TextCounts } from '../editor/wordCount'

interface Counts {
  doc: TextCounts
  selection: TextCounts | null
}

/** Recounts when the editor is idle (never on the keystroke itself). */
export function StatusBar({ feed, children }: { feed: ActiveDocFeed; children?: ReactNode }) {
  const [counts, setCounts] = useState<Counts | null>(null)
  useEffect(() => {
    let handle: ReturnType<typeof setTimeout> | null = null
    // A cursor move changes only the selection's counts: the article's are kept for its text.
    let counted: { doc: unknown; counts: TextCounts; body: number } | null = null
    const unsubscribe = feed.subscribe(() => {
      if (handle) clearTimeout(handle)
      handle = setTimeout(() => {
        handle = null
        const doc = feed.value
        if (!doc) return setCounts(null)
        const { state } = doc
        if (counted?.doc !== state.doc) {
          const text = state.doc.toString()
          counted = { doc: state.doc, counts: countText(text), body: bodyStart(text) }
        }
        // The selected part of the body: front matter is not words, selected or not.
        const body = counted.body
        const selected = state.selection.ranges
          .map((r) => state.sliceDoc(Math.max(r.from, body), Math.max(r.to, body)))
          .join('\n')
        setCounts({
          doc: counted.counts,
          selection: selected.trim() ? countText(selected, { skipFrontMatter: false }) : null,
        })
      }, 250)
    })
    return () => {
      unsubscribe()
      if (handle) clearTimeout(handle)
    }
  }, [feed])
  const shown = counts?.selection ?? counts?.doc
  const summary =
    shown &&
    `${counts?.selection ? 'Selection: ' : ''}${shown.words.toLocaleString()} words · ` +
      `${shown.characters.toLocaleString()} characters · ${shown.readingMinutes} min read`
  return (
    <footer className="status-bar">
      {summary && (
        // The title shows the counts whole when a narrow pane cuts them short.
        <span className="counts" data-testid="word-count" title={summary}>
          {summary}
        </span>
      )}
      <span className="status-spacer" />
      {children}
    </footer>
  )
}
