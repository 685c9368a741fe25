/**
 * The article list's actions (rename, duplicate, move to trash, restore) wired to the backend and
 * the open tabs: a renamed article's tab follows it, a trashed article's tab closes.
 */
import { useCallback, useMemo, useState } from 'react'
import type { FolioApi, TrashEntry } from '../../../core/api'
import type { EditorSession } from '../state/editorSession'
import type { ArticleAction } from './ArticleMenu'

/** What the hook needs from the app. */
export interface ArticleActionsHost {
  api: FolioApi
  session: EditorSession
  report: (err: unknown, path?: string) => void
  inform: (text: string) => void
  /** Reloads the article list. */
  refresh: () => Promise<void>
}

/** The list actions, plus the article being renamed (for the rename dialog) and its handler. */
export function useArticleActions(host: ArticleActionsHost) {
  const { api, session, report, inform, refresh } = host
  const [renaming, setRenaming] = useState<string | null>(null)

  const rename = useCallback(
    async (slug: string) => {
      const from = renaming
      if (!from) return
      const result = await session.renameArticle(from, slug)
      setRenaming(null)
      await refresh()
      const links = result.updated.length
      inform(
        `Renamed to ${result.path}` +
          (links ? `; links updated in ${links} article${links === 1 ? '' : 's'}.` : '.') +
          (result.skipped.length
            ? ` Links in ${result.skipped.join(', ')} could not be updated.`
            : ''),
      )
    },
    [session, renaming, refresh, inform],
  )

  const trash = useCallback(
    async (path: string) => {
      if (session.stateOf(path)) {
        // NOTE: unsaved edits are saved first so the trash holds the latest text; if that save
        // fails the tab stays open and nothing is trashed.
        await session.close(path)
        if (session.stateOf(path)) return
      }
      const entry = await api.trashArticle({ path })
      await refresh()
      inform(
        entry.id === 'os-trash'
          ? `Moved “${entry.title || path}” to the system trash.`
          : `Moved “${entry.title || path}” to the trash.`,
      )
    },
    [api, session, refresh, inform],
  )

  const onAction = useCallback(
    (action: ArticleAction, path: string) => {
      if (action === 'rename') return setRenaming(path)
      const run =
        action === 'duplicate'
          ? api.duplicateArticle({ path }).then(async (doc) => {
              session.addDocument(doc)
              await refresh()
            })
          : trash(path)
      run.catch((err: unknown) => report(err, path))
    },
    [api, session, refresh, report, trash],
  )

  const trashSource = useMemo(
    () => ({
      list: () => api.listTrash({}),
      restore: async (entry: TrashEntry) => {
        const restored = await api.restoreArticle({ id: entry.id })
        await refresh()
        inform(`Restored ${restored.path}.`)
      },
    }),
    [api, refresh, inform],
  )

  return { renaming, setRenaming, rename, onAction, trashSource }
}
