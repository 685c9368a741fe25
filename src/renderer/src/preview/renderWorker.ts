/**
 * The preview render worker: turns the editor text into the themed page off the UI thread, with
 * the same Markdown pipeline and templates as `folio build`.
 */
import { createIncrementalRenderer, type IncrementalRenderer } from '../../../core/markdown'
import { previewImageUrl } from './imageUrl'
import { renderHomePreview } from './homePreview'
import { renderPreviewShell } from './previewShell'
import type {
  HomeArticle,
  PreviewPage,
  PreviewSetting,
  RenderRequest,
  RenderResponse,
} from './renderProtocol'

let setting: PreviewSetting | null = null
let homeArticles: HomeArticle[] = []
// One incremental renderer per article (its image URLs depend on the article's folder); a
// keystroke then re-renders only the block it touched.
let renderer: { key: string; instance: IncrementalRenderer } | null = null

function rendererFor(current: PreviewSetting, path: string): IncrementalRenderer {
  const key = `${current.assetBase}\u0000${path}`
  if (renderer?.key !== key) {
    const instance = createIncrementalRenderer({
      sourceLines: true,
      imageUrl: previewImageUrl(current.assetBase, path),
    })
    renderer = { key, instance }
  }
  return renderer.instance
}

function renderHome(
  id: number,
  path: string,
  text: string,
  current: PreviewSetting,
): RenderResponse {
  const started = performance.now()
  const home = renderHomePreview(current, path, text, homeArticles)
  const response: RenderResponse = {
    id,
    shell: home.shell,
    body: '',
    headings: [],
    durationMs: performance.now() - started,
  }
  if (home.problem) response.problem = home.problem
  return response
}

function render(id: number, path: string, text: string, page: PreviewPage): RenderResponse {
  const started = performance.now()
  if (!setting) throw new Error('The preview received text before its theme.')
  if (page === 'home') return renderHome(id, path, text, setting)
  const rendered = rendererFor(setting, path).render(text)
  const { shell, problem } = renderPreviewShell(setting, path, text)
  const response: RenderResponse = {
    id,
    shell,
    body: rendered.html,
    headings: rendered.headings,
    durationMs: performance.now() - started,
  }
  if (problem) response.problem = problem
  return response
}

self.onmessage = (event: MessageEvent<RenderRequest>) => {
  const message = event.data
  if (message.type === 'setting') {
    setting = message.setting
    renderer = null
    return
  }
  if (message.type === 'articles') {
    homeArticles = message.articles
    return
  }
  try {
    self.postMessage(render(message.id, message.path, message.text, message.page))
  } catch (err) {
    const problem = err instanceof Error ? err.message : String(err)
    const failed: RenderResponse = {
      id: message.id,
      shell: '',
      body: '',
      headings: [],
      problem,
      durationMs: 0,
    }
    self.postMessage(failed)
  }
}
