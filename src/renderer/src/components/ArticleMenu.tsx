/** The small menu of actions on one article (rename, duplicate, move to trash). */
import { useEffect, useRef } from 'react'

/** What the author can do to an article from the list. */
export type ArticleAction = 'rename' | 'duplicate' | 'trash'

/** Props: the article, where to show the menu (viewport pixels), and what a choice does. */
export interface ArticleMenuProps {
  path: string
  at: { x: number; y: number }
  onChoose: (action: ArticleAction, path: string) => void
  onClose: () => void
}

const entries: { action: ArticleAction; label: string }[] = [
  { action: 'rename', label: 'Rename…' },
  { action: 'duplicate', label: 'Duplicate' },
  { action: 'trash', label: 'Move to trash' },
]

/** A fixed-position menu; Escape, a click elsewhere or a choice closes it. */
export function ArticleMenu({ path, at, onChoose, onClose }: ArticleMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus()
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose()
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [onClose])
  return (
    <div
      ref={ref}
      className="popup-menu"
      role="menu"
      data-testid="article-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      {entries.map((entry) => (
        <button
          key={entry.action}
          type="button"
          role="menuitem"
          className={entry.action === 'trash' ? 'menu-item danger' : 'menu-item'}
          data-testid={`article-${entry.action}`}
          onClick={() => {
            onClose()
            onChoose(entry.action, path)
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  )
}
