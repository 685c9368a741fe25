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

/** `count` of `unit`, e.g. "1 word", "2,000 words". */
const counted = (count: number, unit: string): string =>
  `${count.toLocaleString()} ${unit}${count === 1 ? '' : 's'}`

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
  // A selection's reading time is left out: it says little, and the bar has room for little.
  const summary = counts?.selection
    ? `Selection: ${counted(counts.selection.words, 'word')} · ` +
      counted(counts.selection.characters, 'char')
    : counts &&
      `${counted(counts.doc.words, 'word')} · ${counted(counts.doc.characters, 'char')} · ` +
        `${counts.doc.readingMinutes} min read`
  return (
    <footer className="status-bar">
      <div className="status-row">
        {summary && (
          // The title shows the counts whole when a narrow pane cuts them short.
          <span className="counts" data-testid="word-count" title={summary}>
            {summary}
          </span>
        )}
        <span className="status-spacer" />
        {children}
      </div>
    </footer>
  )
}
