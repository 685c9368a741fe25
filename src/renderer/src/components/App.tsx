/**
 * The Folio window: header, article list, editor and live preview, with the dialogs and the
 * publish drawer. All backend work goes through the FolioApi it is given.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type {
  AppInfo,
  ArticleSummary,
  FolioApi,
  ThemeBundle,
  WorkspaceInfo,
} from '../../../core/api'
import { FolioError, toFolioError } from '../../../core/errors'
import { ActiveDocFeed } from '../state/activeDocFeed'
import { EditorSession } from '../state/editorSession'
import { sortArticles, withArticle } from '../state/sortArticles'
import { ArticleList } from './ArticleList'
import { ConflictDialog } from './ConflictDialog'
import { JournalPrompt } from './JournalPrompt'
import { RenameDialog } from './RenameDialog'
import { useArticleActions } from './useArticleActions'
import { useJournalPrompt } from './useJournalPrompt'
import { useWorkspaceEditing } from './useWorkspaceEditing'
import { useApplyEditorSettings, useEditorSettings } from './useEditorSettings'
import { useDistractionFree } from './useDistractionFree'
import { WorkspaceSearch } from './WorkspaceSearch'
import { EditorPane } from './EditorPane'
import { Header } from './Header'
import { NewArticleDialog } from './NewArticleDialog'
import { errorNotice, Notices } from './Notices'
import type { Notice } from './Notices'
import { OpenFolderDialog } from './OpenFolderDialog'
import { PreviewPane } from './PreviewPane'
import { PublishPanel } from './PublishPanel'
import { useColorScheme } from './useColorScheme'
import { usePreference } from './usePreference'
import { OutlinePanel } from './OutlinePanel'
import type { EditorView } from '@codemirror/view'
import { focusMode, focusModeCompartment } from '../editor/focusMode'
import { typewriterCompartment, typewriterScrolling } from '../editor/typewriterScrolling'
import type { PreviewController } from '../preview/previewController'
import { connectScrollSync } from '../preview/scrollSync'
import { slugOf } from '../../../core/workspace/fields'

let noticeIds = 0

/** The whole application for one window. */
export function App({ api }: { api: FolioApi }) {
  const feed = useMemo(() => new ActiveDocFeed(), [])
  const [focus, setFocus] = usePreference('focusMode', false)
  const [typewriter, setTypewriter] = usePreference('typewriter', false)
  const modes = useRef({ focus, typewriter })
  modes.current = { focus, typewriter }
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const workspaceEditing = useWorkspaceEditing(api, articles, (err, path) => report(err, path))
  const editorSettings = useEditorSettings()
  const spellLanguage = editorSettings.settings.spellLanguage
  useEffect(() => {
    // The desktop app's Chromium spell checker follows the language chosen in the settings.
    api
      .setSpellCheckLanguages({ languages: spellLanguage ? [spellLanguage] : [] })
      .catch((err: unknown) => report(err, undefined))
  }, [api, spellLanguage])
  const session = useMemo(
    () =>
      new EditorSession(api, {
        extensions: () => [
          focusModeCompartment.of(modes.current.focus ? focusMode() : []),
          typewriterCompartment.of(modes.current.typewriter ? typewriterScrolling() : []),
          workspaceEditing,
          ...editorSettings.extensions(),
        ],
        onActiveText: (path, state) => feed.set(path && state ? { path, state } : null),
        onError: (err, path) => report(err, path),
        // NOTE: the watcher leaves out Folio's own saves, so the list hears of them here.
        onSaved: (summary) => setArticles((list) => withArticle(list, summary)),
        onViewUpdate: (update) => {
          if (update.selectionSet && !update.docChanged) {
            const current = feed.value
            if (current) feed.set({ path: current.path, state: update.state })
          }
        },
      }),
    [api, feed, workspaceEditing, editorSettings.extensions],
  )
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot)
  useApplyEditorSettings(session, editorSettings.settings)
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null)
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null)
  const [theme, setTheme] = useState<ThemeBundle | null>(null)
  const [notices, setNotices] = useState<Notice[]>([])
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null)
  const [publishOpen, setPublishOpen] = useState(false)
  const [building, setBuilding] = useState(false)
  const [scheme, toggleScheme] = useColorScheme()
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const [preview, setPreview] = useState<PreviewController | null>(null)

  useEffect(() => {
    session.reconfigureAll([
      focusModeCompartment.reconfigure(focus ? focusMode() : []),
      typewriterCompartment.reconfigure(typewriter ? typewriterScrolling() : []),
    ])
  }, [session, focus, typewriter])

  useEffect(() => {
    if (!view || !preview) return
    return connectScrollSync(
      view,
      preview.frameElement,
      () => preview.document,
      () => preview.lastPatchAt,
    )
  }, [view, preview])

  const report = useCallback((err: unknown, path?: string) => {
    setNotices((all) => [...all, errorNotice(++noticeIds, toFolioError(err, path).toJSON())])
  }, [])
  const inform = useCallback((text: string) => {
    const id = ++noticeIds
    setNotices((all) => [...all, { id, kind: 'info', text }])
    setTimeout(() => setNotices((all) => all.filter((n) => n.id !== id)), 6000)
  }, [])
  const [distractionFree, toggleDistractionFree] = useDistractionFree(report)
  const refreshArticles = useCallback(async () => {
    setArticles(sortArticles(await api.listArticles({})))
  }, [api])
  const actions = useArticleActions({ api, session, report, inform, refresh: refreshArticles })
  const journal = useJournalPrompt(api, session, workspace, report)
  // Searches read the files: the open articles' edits are saved first (autosave would, a moment
  // later), so what was just typed is found.
  const saveFirst = useCallback(() => session.saveAll(), [session])
  const searchBodies = useCallback(
    async (query: string) => {
      await saveFirst()
      return api.searchArticles({ query })
    },
    [api, saveFirst],
  )

  const loadWorkspace = useCallback(
    async (ws: WorkspaceInfo | null) => {
      setWorkspace(ws)
      if (!ws) return
      if (ws.configError) {
        const problem = ws.configError
        setNotices((all) => [...all, errorNotice(++noticeIds, problem)])
      }
      const [list, bundle] = await Promise.all([api.listArticles({}), api.getTheme({})])
      setArticles(sortArticles(list))
      setTheme(bundle)
    },
    [api, report],
  )

  useEffect(() => {
    let cancelled = false
    void (async () => {
      try {
        const [info, ws] = await Promise.all([api.getAppInfo({}), api.getWorkspace({})])
        if (cancelled) return
        setAppInfo(info)
        await loadWorkspace(ws)
      } catch (err) {
        report(err)
      }
    })()
    return () => {
      cancelled = true
    }
  }, [api, loadWorkspace, report])

  useEffect(
    () =>
      api.on('articleChanged', (event) => {
        session.articleChanged(event).catch((err) => report(err, event.path))
        // Coalesce bursts (a git checkout touches many files) into one list refresh.
        if (refreshTimer.current) clearTimeout(refreshTimer.current)
        refreshTimer.current = setTimeout(() => {
          api.listArticles({}).then((list) => setArticles(sortArticles(list)), report)
        }, 200)
      }),
    [api, session, report],
  )

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (session.getSnapshot().tabs.some((tab) => tab.dirty)) {
        void session.saveAll()
        event.preventDefault()
      }
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => window.removeEventListener('beforeunload', beforeUnload)
  }, [session])

  const dirtyPaths = useMemo(
    () => new Set(snapshot.tabs.filter((t) => t.dirty).map((t) => t.article.path)),
    [snapshot],
  )
  const titles = useMemo(() => new Map(articles.map((a) => [a.path, a])), [articles])
  const active = snapshot.tabs.find((t) => t.article.path === snapshot.activePath)
  useEffect(() => {
    const name = active ? (titles.get(active.article.path)?.title ?? active.article.path) : null
    document.title = name ? `${active?.dirty ? '• ' : ''}${name} — Folio` : 'Folio'
  }, [active, titles])

  /**
   * Saves every tab before another folder opens; throws, naming them, when some could not be
   * saved (the backend must not switch: their paths would then point into the other folder).
   */
  const saveBeforeLeaving = async () => {
    const unsaved = await session.saveAllBeforeLeaving()
    if (unsaved.length === 0) return
    throw new FolioError(
      'conflict',
      `Another folder was not opened: ${unsaved.join(', ')} could not be saved. ` +
        'Save it or settle its conflict first; nothing was lost.',
      { path: unsaved[0] },
    )
  }
  const openFolder = async () => {
    try {
      await saveBeforeLeaving()
      if (!appInfo?.canChooseFolder) return setDialog('open')
      const ws = await api.chooseWorkspace({})
      if (ws) await switchWorkspace(ws)
    } catch (err) {
      report(err)
    }
  }
  /** Shows `ws`, which the backend has just opened (every tab was saved before). */
  const switchWorkspace = async (ws: WorkspaceInfo) => {
    session.reset()
    await loadWorkspace(ws)
  }
  const openFolderRef = useRef(openFolder)
  openFolderRef.current = openFolder
  // The desktop File > Open Folder menu: the same as the page's own button.
  useEffect(() => api.on('openFolderRequested', () => void openFolderRef.current()), [api])
  const build = async () => {
    setBuilding(true)
    try {
      await session.saveAll()
      const result = await api.buildSite({})
      inform(
        `Built ${result.pages} pages (${result.files} files) in ${(result.durationMs / 1000).toFixed(1)} s` +
          (result.problems.length ? ` with ${result.problems.length} problem(s).` : '.'),
      )
      for (const problem of result.problems) {
        setNotices((all) => [
          ...all,
          {
            id: ++noticeIds,
            kind: 'error',
            text: problem.message,
            path: problem.path,
            line: problem.line,
          },
        ])
      }
    } catch (err) {
      report(err)
    } finally {
      setBuilding(false)
    }
  }
  const openArticle = (path: string) => {
    session.open(path).catch((err) => report(err, path))
  }

  return (
    <div className={publishOpen ? 'app with-drawer' : 'app'}>
      <Header
        workspace={workspace}
        building={building}
        theme={scheme}
        onOpenFolder={() => void openFolder()}
        onBuild={() => void build()}
        onPublish={() => setPublishOpen((open) => !open)}
        onToggleTheme={toggleScheme}
      />
      <main className="panes">
        {workspace ? (
          <div className="sidebar-column">
            <ArticleList
              articles={articles}
              layout={workspace.layout}
              activePath={snapshot.activePath}
              dirtyPaths={dirtyPaths}
              onOpen={openArticle}
              onNew={() => setDialog('new')}
              onAction={actions.onAction}
              searchBodies={searchBodies}
              trash={
                appInfo?.mode === 'desktop'
                  ? {
                      ...actions.trashSource,
                      note: 'Articles you move to the trash here go to the system Trash; restore them from there. Listed below: articles trashed from the command line or web mode.',
                    }
                  : actions.trashSource
              }
              onError={report}
            />
            <OutlinePanel feed={feed} view={view} />
          </div>
        ) : (
          <nav className="sidebar">
            <p className="sidebar-empty">Open a blog folder to start writing.</p>
            <button type="button" className="button primary" onClick={() => void openFolder()}>
              Open folder…
            </button>
          </nav>
        )}
        <EditorPane
          session={session}
          snapshot={snapshot}
          feed={feed}
          titles={titles}
          onView={setView}
          modes={{ focus, typewriter }}
          onFocusMode={setFocus}
          onTypewriter={setTypewriter}
          settingsMenu={{
            settings: editorSettings.settings,
            distractionFree,
            onDistractionFree: toggleDistractionFree,
          }}
        />
        <PreviewPane
          feed={feed}
          theme={theme}
          workspace={workspace}
          appInfo={appInfo}
          articles={articles}
          onController={setPreview}
        />
        {workspace && (
          <PublishPanel
            key={workspace.root}
            open={publishOpen}
            api={api}
            workspace={workspace}
            onClose={() => setPublishOpen(false)}
            beforePublish={() => session.saveAll()}
          />
        )}
      </main>
      {dialog === 'new' && (
        <NewArticleDialog
          onCancel={() => setDialog(null)}
          onCreate={async (title) => {
            const doc = await api.createArticle({ title })
            session.addDocument(doc)
            setDialog(null)
            setArticles(sortArticles(await api.listArticles({})))
          }}
        />
      )}
      {dialog === 'open' && (
        <OpenFolderDialog
          initialPath={workspace?.root ?? ''}
          onCancel={() => setDialog(null)}
          onOpen={async (path) => {
            await saveBeforeLeaving()
            const ws = await api.openWorkspace({ path })
            setDialog(null)
            await switchWorkspace(ws)
          }}
        />
      )}
      {snapshot.conflict && (
        <ConflictDialog
          conflict={snapshot.conflict}
          onKeepMine={() => void session.resolveConflict('mine')}
          onTakeTheirs={() => void session.resolveConflict('theirs')}
          onKeepBoth={() => {
            session.resolveConflict('both').then((copy) => {
              if (copy) inform(`Your version was saved as ${copy.path}.`)
              return refreshArticles()
            }, report)
          }}
        />
      )}
      {workspace && (
        <WorkspaceSearch
          api={api}
          saveFirst={saveFirst}
          titles={titles}
          onError={report}
          onOpen={(path, line) => {
            session.open(path).then(
              () => session.revealLine(path, line),
              (err) => report(err, path),
            )
          }}
        />
      )}
      {actions.renaming && (
        <RenameDialog
          path={actions.renaming}
          slug={workspace ? slugOf(workspace, actions.renaming) : ''}
          onRename={actions.rename}
          onCancel={() => actions.setRenaming(null)}
        />
      )}
      {journal.entries.length > 0 && !snapshot.conflict && (
        <JournalPrompt
          entries={journal.entries}
          onRestore={journal.restore}
          onDiscard={journal.discard}
        />
      )}
      <Notices
        notices={notices}
        onDismiss={(id) => setNotices((all) => all.filter((n) => n.id !== id))}
      />
    </div>
  )
}
