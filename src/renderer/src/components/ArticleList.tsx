/** The sidebar: the workspace's articles, newest first, with draft and error badges. */
import type { ArticleSummary } from '../../../core/api'

/** Props: the sorted articles, which one is open, and what a click does. */
export interface ArticleListProps {
  articles: readonly ArticleSummary[]
  activePath: string | null
  dirtyPaths: ReadonlySet<string>
  onOpen: (path: string) => void
  onNew: () => void
}

function formatDate(date: string | null): string {
  if (!date) return 'No date'
  const value = new Date(date)
  if (Number.isNaN(value.getTime())) return date
  return value.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** Lists the articles as buttons; an article with a problem shows the reason. */
export function ArticleList({ articles, activePath, dirtyPaths, onOpen, onNew }: ArticleListProps) {
  return (
    <nav className="sidebar" aria-label="Articles">
      <div className="sidebar-head">
        <span className="sidebar-title">Articles</span>
        <span className="sidebar-count">{articles.length}</span>
        <button type="button" className="button small primary" data-testid="new-article-button" onClick={onNew}>
          + New
        </button>
      </div>
      {articles.length === 0 && <p className="sidebar-empty">No articles yet. Start one with “New”.</p>}
      <ul className="article-list" data-testid="article-list">
        {articles.map((article) => (
          <li key={article.path}>
            <button
              type="button"
              className={article.path === activePath ? 'article-item active' : 'article-item'}
              data-testid="article-item"
              data-path={article.path}
              aria-current={article.path === activePath ? 'true' : undefined}
              onClick={() => onOpen(article.path)}
            >
              <span className="article-item-title">
                {dirtyPaths.has(article.path) && <span className="dirty-dot" aria-label="unsaved">• </span>}
                {article.title || article.path}
              </span>
              <span className="article-item-meta">
                <span>{formatDate(article.date)}</span>
                {article.draft && (
                  <span className="badge draft" data-testid="draft-badge">
                    Draft
                  </span>
                )}
                {article.error && (
                  <span className="badge error" data-testid="error-badge" title={article.error.message}>
                    Error
                  </span>
                )}
              </span>
              {article.error && <span className="article-item-error">{article.error.message}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
