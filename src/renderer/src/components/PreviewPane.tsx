/**
 * The right pane: the article as the published page, in a sandboxed frame without scripts,
 * rendered off the UI thread and patched block by block.
 */
import { useEffect, useRef, useState } from 'react'
import type { AppInfo, ArticleSummary, ThemeBundle, WorkspaceInfo } from '../../../core/api'
import type { ActiveDocFeed } from '../state/activeDocFeed'
import { deviceFit, type PreviewDevice } from '../preview/deviceFit'
import { PreviewController } from '../preview/previewController'
import type { PreviewPage } from '../preview/renderProtocol'

/** Props: what the preview needs to render like the site build. */
export interface PreviewPaneProps {
  feed: ActiveDocFeed
  theme: ThemeBundle | null
  workspace: WorkspaceInfo | null
  appInfo: AppInfo | null
  /** The workspace's articles, for the home page preview. */
  articles: readonly ArticleSummary[]
  onController?: (controller: PreviewController | null) => void
}

const widths: { id: PreviewDevice; label: string; title: string }[] = [
  { id: 'fit', label: 'Fit', title: 'The page at the width of this pane, full size' },
  { id: 'phone', label: 'Phone', title: 'The page as a phone lays it out (390 px)' },
  {
    id: 'tablet',
    label: 'Tablet',
    title: 'The page as a tablet lays it out (820 px), scaled to fit',
  },
  {
    id: 'desktop',
    label: 'Desktop',
    title: 'The page as a desktop window lays it out (1280 px or wider), scaled to fit',
  },
]

/** The preview pane with its width switch. */
export function PreviewPane(props: PreviewPaneProps) {
  const { feed, theme, workspace, appInfo, articles, onController } = props
  const frame = useRef<HTMLIFrameElement>(null)
  const [controller, setController] = useState<PreviewController | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [hasDoc, setHasDoc] = useState(false)
  const [width, setWidth] = useState<PreviewDevice>('fit')
  const stage = useRef<HTMLDivElement>(null)
  const [stageBox, setStageBox] = useState({ width: 0, height: 0 })
  useEffect(() => {
    const element = stage.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect
      setStageBox((box) => (box.width === width && box.height === height ? box : { width, height }))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const fit = deviceFit(width, stageBox)
  const [page, setPage] = useState<PreviewPage>('article')

  useEffect(() => {
    controller?.setHomeArticles(
      articles.map(({ path, title, date, tags, draft, description }) => ({
        path,
        title,
        date,
        tags,
        draft,
        description,
      })),
    )
  }, [controller, articles])

  useEffect(() => {
    controller?.setPage(page)
  }, [controller, page])

  useEffect(() => {
    const created = new PreviewController(frame.current as HTMLIFrameElement, {
      onRendered: (result) => setProblem(result.problem ?? null),
    })
    setController(created)
    onController?.(created)
    return () => {
      onController?.(null)
      created.dispose()
    }
  }, [onController])

  useEffect(() => {
    if (!controller || !theme || !workspace || !appInfo) return
    const assetBase = new URL(appInfo.assetBase, window.location.href).href
    const layout = { layout: workspace.layout, draftDirs: workspace.draftDirs }
    controller.setSetting({ theme, site: workspace.site, assetBase, layout })
    const doc = feed.value
    if (doc) controller.render(doc.path, doc.state.doc)
  }, [controller, theme, workspace, appInfo, feed])

  useEffect(() => {
    if (!controller || !theme) return
    let lastDoc: unknown = null
    let shown: boolean | null = null
    return feed.subscribe((doc) => {
      // Only a change re-renders the pane; keystrokes reach the preview through the controller.
      if (shown !== (doc !== null)) {
        shown = doc !== null
        setHasDoc(shown)
      }
      if (!doc || doc.state.doc === lastDoc) return
      lastDoc = doc.state.doc
      controller.render(doc.path, doc.state.doc)
    })
  }, [controller, feed, theme])

  return (
    <section className="preview-pane" aria-label="Preview">
      <div className="preview-bar">
        <span className="preview-label">Preview</span>
        <div className="segmented" role="group" aria-label="Page shown">
          {(['article', 'home'] as const).map((id) => (
            <button
              key={id}
              type="button"
              className={id === page ? 'segment active' : 'segment'}
              aria-pressed={id === page}
              data-testid={`preview-page-${id}`}
              onClick={() => setPage(id)}
            >
              {id === 'article' ? 'Article' : 'Home page'}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Preview width">
          {widths.map((w) => (
            <button
              key={w.id}
              type="button"
              className={w.id === width ? 'segment active' : 'segment'}
              aria-pressed={w.id === width}
              data-testid={`preview-width-${w.id}`}
              title={w.title}
              onClick={() => setWidth(w.id)}
            >
              {w.label}
            </button>
          ))}
        </div>
      </div>
      {problem && (
        <div className="banner warning" role="alert" data-testid="preview-problem">
          {problem}
        </div>
      )}
      <div ref={stage} className={`preview-stage width-${width}`}>
        <div
          className="preview-device"
          hidden={!hasDoc}
          style={{ width: fit.width * fit.scale, height: fit.height * fit.scale }}
        >
          <iframe
            ref={frame}
            title="Preview of the published page"
            className="preview-frame"
            data-testid="preview-frame"
            data-scale={fit.scale.toFixed(3)}
            sandbox="allow-same-origin"
            style={{
              width: fit.width,
              height: fit.height,
              transform: fit.scale < 1 ? `scale(${fit.scale})` : undefined,
            }}
          />
        </div>
        {!hasDoc && (
          <div className="preview-empty">The preview of the open article appears here.</div>
        )}
      </div>
    </section>
  )
}
