/**
 * Offers back the unsaved edits found in the crash journal whenever a workspace opens (at start
 * and after switching folders), one entry at a time until each is restored or discarded.
 */
import { useCallback, useEffect, useState } from 'react'
import type { FolioApi, JournalEntry, WorkspaceInfo } from '../../../core/api'
import type { EditorSession } from '../state/editorSession'

/** The entries still waiting for a choice, and the two choices. */
export function useJournalPrompt(
  api: FolioApi,
  session: EditorSession,
  workspace: WorkspaceInfo | null,
  report: (err: unknown) => void,
) {
  const [entries, setEntries] = useState<JournalEntry[]>([])
  useEffect(() => {
    setEntries([])
    if (!workspace) return
    let cancelled = false
    api.listJournal({}).then((found) => {
      if (!cancelled) setEntries(found)
    }, report)
    return () => {
      cancelled = true
    }
  }, [api, workspace, report])

  const settle = (entry: JournalEntry) =>
    setEntries((all) => all.filter((other) => other.path !== entry.path))
  const restore = useCallback(
    async (entry: JournalEntry) => {
      await session.restoreJournal(entry)
      settle(entry)
    },
    [session],
  )
  const discard = useCallback(
    async (entry: JournalEntry) => {
      await session.discardJournal(entry)
      settle(entry)
    },
    [session],
  )
  return { entries, restore, discard }
}
