/** The middle pane: open-article tabs, toolbar, problem banners, the editor and its status bar. */
import { EditorView } from '@codemirror/view'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../core/api'
import type { EditorSession, SessionSnapshot, TabSnapshot } from '../state/editorSession'
import type { ActiveDocFeed } from '../state/activeDocFeed'
import { workspaceTags } from '../state/articleQuery'
import { FormattingToolbar } from './FormattingToolbar'
import { FrontMatterForm } from './FrontMatterForm'
import { SettingsMenu } from './SettingsMenu'
import type { SettingsMenuProps } from './SettingsMenu'
import { StatusBar } from './StatusBar'

/** Props: the session (owner of the editor states), its snapshot, and article titles. */
export interface EditorPaneProps {
  session: EditorSession
  snapshot: SessionSnapshot
  feed: ActiveDocFeed
  titles: ReadonlyMap<string, ArticleSummary>
  onView?: (view: EditorView | null) => void
  modes: { focus: boolean; typewriter: boolean }
  onFocusMode: (on: boolean) => void
  onTypewriter: (on: boolean) => void
  /** The settings menu (Vim keys, spell checking, distraction-free mode). */
  settingsMenu: SettingsMenuProps
}

function tabTitle(tab: TabSnapshot, titles: ReadonlyMap<string, ArticleSummary>): string {
  return (
    titles.get(tab.article.path)?.title || tab.article.path.split('/').pop() || tab.article.path
  )
}

function saveLabel(tab: TabSnapshot | undefined): string {
  if (!tab) return ''
  if (tab.saving) return 'Saving…'
  if (tab.saveError) return 'Not saved'
  return tab.dirty ? 'Edited' : 'Saved'
}

/** The editor pane. The EditorView is created once and shows the session's active article. */
export function EditorPane(props: EditorPaneProps) {
  const { session, snapshot, feed, titles, onView, modes } = props
  const host = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<EditorView | null>(null)
  useEffect(() => {
    const created = new EditorView({ parent: host.current as HTMLElement })
    session.attach(created)
    setView(created)
    onView?.(created)
    return () => {
      session.detach()
      onView?.(null)
      created.destroy()
    }
  }, [session, onView])

  const active = snapshot.tabs.find((tab) => tab.article.path === snapshot.activePath)
  const tags = useMemo(() => workspaceTags([...titles.values()]), [titles])
  return (
    <section className="editor-pane" aria-label="Editor">
      <div className="tabs" role="tablist">
        {snapshot.tabs.map((tab) => (
          <div
            key={tab.article.path}
            role="tab"
            aria-selected={tab.article.path === snapshot.activePath}
            className={tab.article.path === snapshot.activePath ? 'tab active' : 'tab'}
            data-testid="editor-tab"
            data-path={tab.article.path}
            onClick={() => {
              session.activate(tab.article.path)
              // The author clicked to write there: keys go to the article, as after a click in it.
              view?.focus()
            }}
          >
            <span className="tab-title">
              {tab.dirty && <span className="dirty-dot">• </span>}
              {tabTitle(tab, titles)}
            </span>
            <button
              type="button"
              className="tab-close"
              aria-label={`Close ${tabTitle(tab, titles)}`}
              onClick={(event) => {
                event.stopPropagation()
                void session.close(tab.article.path)
              }}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <FormattingToolbar view={active ? view : null} />
      {active && <FrontMatterForm feed={feed} session={session} tags={tags} />}
      {active?.article.error && (
        <div className="banner warning" role="alert" data-testid="frontmatter-error">
          This article’s front matter could not be read, so it is shown as plain text:{' '}
          {active.article.error.message}
          {active.article.error.line ? ` (line ${active.article.error.line})` : ''}
        </div>
      )}
      {active?.saveError && (
        <div className="banner error" role="alert" data-testid="save-error">
          Could not save <code>{active.saveError.path ?? active.article.path}</code>:{' '}
          {active.saveError.message}
          <button
            type="button"
            className="button small"
            onClick={() => void session.save(active.article.path)}
          >
            Try again
          </button>
        </div>
      )}
      {active?.changedOnDisk && (
        <div className="banner warning" role="alert" data-testid="disk-change-banner">
          This article changed on disk while you were editing it.
          <button
            type="button"
            className="button small"
            data-testid="disk-change-resolve"
            onClick={() => void session.compareWithDisk(active.article.path)}
          >
            Compare and choose…
          </button>
        </div>
      )}
      <div className="editor-host" ref={host} data-testid="editor" hidden={!active} />
      {!active && (
        <div className="editor-empty">
          <p>Pick an article on the left, or start a new one.</p>
        </div>
      )}
      <StatusBar feed={feed}>
        <button
          type="button"
          className={modes.focus ? 'status-toggle on' : 'status-toggle'}
          aria-pressed={modes.focus}
          data-testid="focus-mode-toggle"
          title="Focus mode: dim everything but the current paragraph"
          onClick={() => props.onFocusMode(!modes.focus)}
        >
          Focus
        </button>
        <button
          type="button"
          className={modes.typewriter ? 'status-toggle on' : 'status-toggle'}
          aria-pressed={modes.typewriter}
          data-testid="typewriter-toggle"
          title="Typewriter scrolling: keep the current line in the middle"
          onClick={() => props.onTypewriter(!modes.typewriter)}
        >
          Typewriter
        </button>
        <SettingsMenu {...props.settingsMenu} />
        <span
          className={`save-state ${active?.saveError ? 'error' : active?.dirty ? 'dirty' : ''}`}
          data-testid="save-state"
          data-state={
            active
              ? active.saving
                ? 'saving'
                : active.saveError
                  ? 'error'
                  : active.dirty
                    ? 'dirty'
                    : 'saved'
              : 'none'
          }
        >
          {saveLabel(active)}
        </span>
      </StatusBar>
    </section>
  )
}
