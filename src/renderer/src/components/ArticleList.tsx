/**
 * The sidebar: the workspace's articles (filtered, sorted, virtualized) with the detected layout,
 * an actions menu per article, and the Trash.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ArticleSummary, LayoutKind, TrashEntry } from '../../../core/api'
import { emptyArticleQuery, queryArticles, workspaceTags } from '../state/articleQuery'
import type { ArticleQuery, DraftFilter } from '../state/articleQuery'
import type { ArticleOrder } from '../state/sortArticles'
import { ArticleMenu } from './ArticleMenu'
import type { ArticleAction } from './ArticleMenu'
import { TrashView } from './TrashView'
import { VirtualList } from './VirtualList'

/** Props: the articles, which one is open, and what the list's actions do. */
export interface ArticleListProps {
  articles: readonly ArticleSummary[]
  layout: LayoutKind | null
  activePath: string | null
  dirtyPaths: ReadonlySet<string>
  onOpen: (path: string) => void
  onNew: () => void
  onAction: (action: ArticleAction, path: string) => void
  /** Full-text search of bodies (the backend's `searchArticles`). */
  searchBodies: (text: string) => Promise<string[]>
  trash: {
    list: () => Promise<TrashEntry[]>
    restore: (entry: TrashEntry) => Promise<void>
    note?: string
  }
  onError: (err: unknown) => void
}

const layoutNames: Record<LayoutKind, string> = {
  folio: 'Folio',
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  hexo: 'Hexo',
  eleventy: 'Eleventy',
  astro: 'Astro',
  plain: 'Plain folder',
}

/** Height of one article row in pixels; the virtual list needs it fixed. */
const rowHeight = 54

function formatDate(date: string | null): string {
  if (!date) return 'No date'
  const value = new Date(date)
  if (Number.isNaN(value.getTime())) return date
  return value.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** Asks the backend for body matches of `text`, debounced; null until it answers. */
function useBodyHits(
  text: string,
  search: ArticleListProps['searchBodies'],
  onError: (err: unknown) => void,
) {
  const [hits, setHits] = useState<{ text: string; paths: Set<string> } | null>(null)
  useEffect(() => {
    if (!text.trim()) return
    let cancelled = false
    const timer = setTimeout(() => {
      search(text.trim()).then((paths) => {
        if (!cancelled) setHits({ text, paths: new Set(paths) })
      }, onError)
    }, 200)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [text, search, onError])
  return hits?.text === text ? hits.paths : null
}

/** The article list with its filter bar, or the Trash. */
export function ArticleList(props: ArticleListProps) {
  const { articles, activePath, dirtyPaths, onOpen } = props
  const [query, setQuery] = useState<ArticleQuery>(emptyArticleQuery)
  const [showTrash, setShowTrash] = useState(false)
  const [menu, setMenu] = useState<{ path: string; x: number; y: number } | null>(null)
  const bodyHits = useBodyHits(query.text, props.searchBodies, props.onError)
  const tags = useMemo(() => workspaceTags(articles), [articles])
  const shown = useMemo(() => queryArticles(articles, query, bodyHits), [articles, query, bodyHits])
  const activeIndex = shown.findIndex((a) => a.path === activePath)
  const closeMenu = useCallback(() => setMenu(null), [])
  const update = (change: Partial<ArticleQuery>) => setQuery((q) => ({ ...q, ...change }))
  const filtered = query.text.trim() !== '' || query.tag !== null || query.draft !== 'all'

  return (
    <nav className="sidebar article-sidebar" aria-label="Articles">
      <div className="sidebar-head">
        <span className="sidebar-title">{showTrash ? 'Trash' : 'Articles'}</span>
        <span className="sidebar-count" data-testid="article-count">
          {showTrash ? '' : filtered ? `${shown.length} of ${articles.length}` : articles.length}
        </span>
        <button
          type="button"
          className={showTrash ? 'button small on' : 'button small'}
          data-testid="trash-toggle"
          aria-pressed={showTrash}
          onClick={() => setShowTrash((open) => !open)}
        >
          {showTrash ? 'Articles' : 'Trash'}
        </button>
        {!showTrash && (
          <button
            type="button"
            className="button small primary"
            data-testid="new-article-button"
            onClick={props.onNew}
          >
            + New
          </button>
        )}
      </div>
      {props.layout && (
        <div className="layout-line" data-testid="layout-name" title="How Folio reads this blog">
          {layoutNames[props.layout]} layout
        </div>
      )}
      {showTrash ? (
        <TrashView
          list={props.trash.list}
          restore={props.trash.restore}
          note={props.trash.note}
          onError={props.onError}
        />
      ) : (
        <>
          <div className="list-filters">
            <input
              type="search"
              className="list-search"
              placeholder="Filter by title, tag or text"
              aria-label="Filter articles"
              data-testid="article-filter"
              value={query.text}
              onChange={(event) => update({ text: event.target.value })}
            />
            <div className="list-filter-row">
              <select
                aria-label="Tag"
                data-testid="tag-filter"
                value={query.tag ?? ''}
                onChange={(event) => update({ tag: event.target.value || null })}
              >
                <option value="">All tags</option>
                {tags.map((tag) => (
                  <option key={tag} value={tag}>
                    {tag}
                  </option>
                ))}
              </select>
              <select
                aria-label="Draft state"
                data-testid="draft-filter"
                value={query.draft}
                onChange={(event) => update({ draft: event.target.value as DraftFilter })}
              >
                <option value="all">All</option>
                <option value="drafts">Drafts</option>
                <option value="published">Published</option>
              </select>
              <select
                aria-label="Sort by"
                data-testid="article-sort"
                value={query.order}
                onChange={(event) => update({ order: event.target.value as ArticleOrder })}
              >
                <option value="date">Date</option>
                <option value="title">Title</option>
                <option value="modified">Modified</option>
              </select>
            </div>
          </div>
          {articles.length === 0 && (
            <p className="sidebar-empty">No articles yet. Start one with “New”.</p>
          )}
          {articles.length > 0 && shown.length === 0 && (
            <p className="sidebar-empty" data-testid="no-matches">
              No article matches.
            </p>
          )}
          <VirtualList
            items={shown}
            rowHeight={rowHeight}
            keyOf={(article) => article.path}
            revealIndex={activeIndex}
            className="article-list"
            testId="article-list"
            label="Articles"
            renderRow={(article) => (
              <div
                className={article.path === activePath ? 'article-row active' : 'article-row'}
                onContextMenu={(event) => {
                  event.preventDefault()
                  setMenu({ path: article.path, x: event.clientX, y: event.clientY })
                }}
              >
                <button
                  type="button"
                  className={article.path === activePath ? 'article-item active' : 'article-item'}
                  data-testid="article-item"
                  data-path={article.path}
                  aria-current={article.path === activePath ? 'true' : undefined}
                  title={article.error ? article.error.message : article.path}
                  onClick={() => onOpen(article.path)}
                >
                  <span className="article-item-title">
                    {dirtyPaths.has(article.path) && (
                      <span className="dirty-dot" aria-label="unsaved">
                        •{' '}
                      </span>
                    )}
                    {article.title || article.path}
                  </span>
                  <span className="article-item-meta">
                    {article.error ? (
                      <>
                        <span className="badge error" data-testid="error-badge">
                          Error
                        </span>
                        <span className="article-item-error">{article.error.message}</span>
                      </>
                    ) : (
                      <>
                        <span>{formatDate(article.date)}</span>
                        {article.draft && (
                          <span className="badge draft" data-testid="draft-badge">
                            Draft
                          </span>
                        )}
                        {article.tags.length > 0 && (
                          <span className="article-item-tags">{article.tags.join(', ')}</span>
                        )}
                      </>
                    )}
                  </span>
                </button>
                <button
                  type="button"
                  className="article-actions"
                  aria-label={`Actions for ${article.title || article.path}`}
                  data-testid="article-actions"
                  onClick={(event) => {
                    const box = event.currentTarget.getBoundingClientRect()
                    setMenu({ path: article.path, x: box.left, y: box.bottom + 2 })
                  }}
                >
                  ⋯
                </button>
              </div>
            )}
          />
        </>
      )}
      {menu && (
        <ArticleMenu
          path={menu.path}
          at={{ x: menu.x, y: menu.y }}
          onChoose={props.onAction}
          onClose={closeMenu}
        />
      )}
    </nav>
  )
}
