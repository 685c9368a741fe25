/**
 * The preview render worker: turns the editor text into the themed page off the UI thread, with
 * the same Markdown pipeline and templates as `folio build`. It keeps the article text (the UI
 * thread sends only edits) and answers with the blocks that changed, not the whole body.
 */
import {
  ChunkedText,
  createIncrementalRenderer,
  type IncrementalRenderer,
} from '../../../core/markdown'
import { diffBody, patchOfChange } from './bodyPatch'
import type { BlockRef } from './bodyPatch'
import type { TextEdit } from './textEdit'
import { BodyWordCount } from './bodyWords'
import { previewImageUrl } from './imageUrl'
import { renderHomePreview } from './homePreview'
import { renderPreviewShell } from './previewShell'
import type {
  HomeArticle,
  PreviewSetting,
  RenderRequest,
  RenderResponse,
  TextChange,
} from './renderProtocol'

type Render = Extract<RenderRequest, { type: 'render' }>

let setting: PreviewSetting | null = null
let homeArticles: HomeArticle[] = []
// One incremental renderer per article (its image URLs depend on the article's folder); a
// keystroke then re-renders only the block it touched.
let renderer: { key: string; instance: IncrementalRenderer } | null = null
/**
 * The article text as of the last render, and its body's word count. Held in chunks, so that a
 * keystroke in a long article does not copy all of it.
 */
let source: { path: string; text: ChunkedText; words: number; counter: BodyWordCount } | null = null
/** The blocks the UI thread holds, as of the last patch sent. */
let sent: readonly BlockRef[] = []
/** The shell the UI thread holds. */
let lastShell: string | null = null

class LostText extends Error {}

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

/**
 * Brings the kept text up to date with `change`; returns it, and the edit that made it when the
 * change was one.
 */
function applyChange(
  path: string,
  change: TextChange,
): { text: ChunkedText; words: number; edit?: TextEdit } {
  if (change && 'text' in change) {
    const counter = new BodyWordCount()
    const text = ChunkedText.of(change.text)
    source = { path, text, words: counter.reset(text), counter }
    return source
  }
  if (!source || source.path !== path) {
    source = null
    throw new LostText(`The preview worker does not have the text of ${path}.`)
  }
  if (change) {
    const before = source.text
    const { from, to, insert } = change.edit
    source.text = before.edit(from, to, insert)
    source.words = source.counter.update(before, source.text, change.edit)
    return { text: source.text, words: source.words, edit: change.edit }
  }
  return source
}

/** The shell to send: null when the UI thread already has it. */
function shellToSend(shell: string, wanted: boolean): string | null {
  if (!wanted && shell === lastShell) return null
  lastShell = shell
  return shell
}

function render(request: Render): RenderResponse {
  const started = performance.now()
  if (!setting) throw new Error('The preview received text before its theme.')
  const { text, words, edit } = applyChange(request.path, request.change)
  if (request.page === 'home') {
    const home = renderHomePreview(setting, request.path, text.toString(), homeArticles)
    const response: RenderResponse = {
      id: request.id,
      shell: shellToSend(home.shell, request.wantShell),
      body: null,
      headings: [],
      durationMs: performance.now() - started,
    }
    if (home.problem) response.problem = home.problem
    return response
  }
  const rendered = rendererFor(setting, request.path).render(text, edit)
  const parts = rendered.parts
  const html = (i: number): string => parts[i].html
  // NOTE: the renderer's change is against its previous parts; use it only when those are what
  // the UI thread holds (not after a failed render or a request for every block).
  const change = rendered.change
  const body =
    change && !request.allBlocks && change.from === sent
      ? patchOfChange(sent, parts, change, html)
      : diffBody(request.allBlocks ? [] : sent, parts, html)
  // The parts are never changed after a render, so they can stand for what the UI thread holds.
  sent = parts
  const { shell, problem } = renderPreviewShell(setting, request.path, text, words)
  const response: RenderResponse = {
    id: request.id,
    shell: shellToSend(shell, request.wantShell),
    body,
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
    lastShell = null
    return
  }
  if (message.type === 'articles') {
    homeArticles = message.articles
    return
  }
  try {
    self.postMessage(render(message))
  } catch (err) {
    const failed: RenderResponse = {
      id: message.id,
      shell: null,
      body: null,
      headings: [],
      problem: err instanceof Error ? err.message : String(err),
      durationMs: 0,
    }
    if (err instanceof LostText) failed.lostText = true
    self.postMessage(failed)
  }
}
