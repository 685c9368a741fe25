/**
 * Search across the workspace (Ctrl/Cmd+Shift+F): the backend finds the articles, the panel
 * shows their matching lines, and a click opens the article at that line.
 */
import { useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { ArticleSummary, FolioApi } from '../../../core/api'
import { searchSnippets } from '../state/searchSnippets'
import type { SearchSnippet } from '../state/searchSnippets'

/** Props: the API, article titles for the results, and what opening a hit does. */
export interface WorkspaceSearchProps {
  api: FolioApi
  titles: ReadonlyMap<string, ArticleSummary>
  onOpen: (path: string, line: number) => void
  onError: (err: unknown) => void
  /** Saves the open articles' edits first, so the search (which reads files) finds them. */
  saveFirst: () => Promise<void>
}

interface Result {
  path: string
  snippets: SearchSnippet[]
}

/** At most this many articles get their text read for snippets. */
const maxArticles = 50

function Highlighted({ snippet }: { snippet: SearchSnippet }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [from, to] of snippet.hits) {
    if (from < at) continue
    parts.push(snippet.text.slice(at, from))
    parts.push(<mark key={from}>{snippet.text.slice(from, to)}</mark>)
    at = to
  }
  parts.push(snippet.text.slice(at))
  return <>{parts}</>
}

/** Always mounted: listens for the shortcut, and shows the panel while open. */
export function WorkspaceSearch({ api, titles, onOpen, onError, saveFirst }: WorkspaceSearchProps) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<{ query: string; items: Result[]; more: number } | null>(
    null,
  )
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        setOpen(true)
        setTimeout(() => input.current?.select(), 0)
      } else if (event.key === 'Escape') setOpen(false)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  useEffect(() => {
    const text = query.trim()
    if (!open || !text) return
    let cancelled = false
    const timer = setTimeout(async () => {
      try {
        await saveFirst()
        const paths = await api.searchArticles({ query: text })
        const items = await Promise.all(
          paths.slice(0, maxArticles).map(async (path) => {
            const doc = await api.readArticle({ path })
            return { path, snippets: searchSnippets(doc.text, text) }
          }),
        )
        if (!cancelled) setResults({ query, items, more: Math.max(0, paths.length - maxArticles) })
      } catch (err) {
        if (!cancelled) onError(err)
      }
    }, 200)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [api, open, query, onError, saveFirst])

  if (!open) return null
  const shown = results && results.query === query ? results : null
  return (
    <div className="search-panel" role="search" data-testid="workspace-search">
      <div className="search-head">
        <input
          ref={input}
          autoFocus
          type="search"
          placeholder="Search all articles"
          aria-label="Search all articles"
          data-testid="workspace-search-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button
          type="button"
          className="button small"
          aria-label="Close search"
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </div>
      {shown && (
        <p className="search-summary" data-testid="workspace-search-summary">
          {shown.items.length === 0
            ? 'No article contains every word.'
            : `${shown.items.length + shown.more} article${shown.items.length + shown.more === 1 ? '' : 's'}`}
        </p>
      )}
      <ul className="search-results">
        {shown?.items.map((item) => (
          <li key={item.path} data-testid="search-result" data-path={item.path}>
            <div className="search-article">
              <strong>{titles.get(item.path)?.title || item.path}</strong>
              <span>{item.path}</span>
            </div>
            {item.snippets.map((snippet) => (
              <button
                key={snippet.line}
                type="button"
                className="search-line"
                data-testid="search-line"
                data-line={snippet.line}
                onClick={() => {
                  setOpen(false)
                  onOpen(item.path, snippet.line)
                }}
              >
                <span className="search-line-number">{snippet.line}</span>
                <span className="search-line-text">
                  <Highlighted snippet={snippet} />
                </span>
              </button>
            ))}
            {item.snippets.length === 0 && (
              <button
                type="button"
                className="search-line"
                onClick={() => {
                  setOpen(false)
                  onOpen(item.path, 1)
                }}
              >
                <span className="search-line-text">Matches in the title or tags</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
