/**
 * Drives one preview frame: sends the editor text to the render worker (at most one render in
 * flight; bursts of keystrokes collapse into the latest text), then loads the themed page once
 * and patches only the body on later renders.
 */
import { fillBody } from './previewDocument'
import { findBodyMarkers, patchBody } from './patchBody'
import { interceptPreviewLinks } from './previewLinks'
import type {
  HomeArticle,
  PreviewPage,
  PreviewSetting,
  RenderRequest,
  RenderResponse,
} from './renderProtocol'

/** What the controller reports after each render reaches the frame. */
export interface PreviewListener {
  onRendered(result: RenderResponse): void
  /** A document was loaded into the frame (first render, theme or front matter change). */
  onFrameLoaded?(doc: Document): void
}

export class PreviewController {
  private readonly worker: Worker
  private nextId = 1
  private inFlight = false
  private pending: { path: string; text: string } | null = null
  private shell: string | null = null
  private loading = false
  private bodyAfterLoad: string | null = null
  private page: PreviewPage = 'article'
  private last: { path: string; text: string } | null = null

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly listener: PreviewListener,
  ) {
    this.worker = new Worker(new URL('./renderWorker.ts', import.meta.url), { type: 'module' })
    this.worker.onmessage = (event: MessageEvent<RenderResponse>) => this.received(event.data)
    this.worker.onerror = (event) => {
      this.inFlight = false
      this.listener.onRendered({
        id: 0,
        shell: '',
        body: '',
        headings: [],
        problem: `The preview stopped: ${event.message}`,
        durationMs: 0,
      })
    }
    frame.addEventListener('load', () => this.frameLoaded())
  }

  /** Sets the theme, site and asset base; the next render reloads the frame. */
  setSetting(setting: PreviewSetting): void {
    this.post({ type: 'setting', setting })
    this.shell = null
  }

  /** Gives the home page preview the workspace's other articles. */
  setHomeArticles(articles: HomeArticle[]): void {
    this.post({ type: 'articles', articles })
    if (this.page === 'home' && this.last) this.render(this.last.path, this.last.text)
  }

  /** Switches between the article page and the home page, re-rendering the last text. */
  setPage(page: PreviewPage): void {
    if (page === this.page) return
    this.page = page
    this.shell = null
    if (this.last) this.render(this.last.path, this.last.text)
  }

  /** Asks for the preview of `text`; returns at once, coalescing with renders not yet started. */
  render(path: string, text: string): void {
    this.last = { path, text }
    this.pending = { path, text }
    if (!this.inFlight) this.sendPending()
  }

  /** The iframe this controller renders into. */
  get frameElement(): HTMLIFrameElement {
    return this.frame
  }

  /** The frame's current document, when it holds a rendered page. */
  get document(): Document | null {
    return this.shell && !this.loading ? this.frame.contentDocument : null
  }

  dispose(): void {
    this.worker.terminate()
  }

  private post(message: RenderRequest): void {
    this.worker.postMessage(message)
  }

  private sendPending(): void {
    if (!this.pending) return
    const { path, text } = this.pending
    this.pending = null
    this.inFlight = true
    this.post({ type: 'render', id: this.nextId++, path, text, page: this.page })
  }

  private received(result: RenderResponse): void {
    this.inFlight = false
    this.sendPending()
    if (result.shell) this.show(result.shell, result.body)
    this.listener.onRendered(result)
  }

  private show(shell: string, body: string): void {
    if (shell !== this.shell) {
      this.shell = shell
      this.loading = true
      this.bodyAfterLoad = null
      // The shell is rendered with an empty body slot; the first body goes in with it.
      this.frame.srcdoc = fillBody(shell, body)
      return
    }
    if (this.loading) {
      this.bodyAfterLoad = body
      return
    }
    const doc = this.frame.contentDocument
    if (!doc || patchBody(doc, body) < 0) {
      this.shell = null
      this.show(shell, body)
    }
  }

  private frameLoaded(): void {
    const doc = this.frame.contentDocument
    if (!doc || !this.shell || !findBodyMarkers(doc)) return
    this.loading = false
    interceptPreviewLinks(doc, (url) => window.open(url, '_blank', 'noopener'))
    if (this.bodyAfterLoad !== null) {
      patchBody(doc, this.bodyAfterLoad)
      this.bodyAfterLoad = null
    }
    this.listener.onFrameLoaded?.(doc)
  }
}
