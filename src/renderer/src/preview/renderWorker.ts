/**
 * The preview render worker: turns the editor text into the themed page off the UI thread, with
 * the same Markdown pipeline and templates as `folio build`.
 */
import { renderMarkdown } from '../../../core/markdown'
import { previewImageUrl } from './imageUrl'
import { renderPreviewShell } from './previewShell'
import type { PreviewSetting, RenderRequest, RenderResponse } from './renderProtocol'

let setting: PreviewSetting | null = null

function render(id: number, path: string, text: string): RenderResponse {
  const started = performance.now()
  if (!setting) throw new Error('The preview received text before its theme.')
  const rendered = renderMarkdown(text, {
    sourceLines: true,
    imageUrl: previewImageUrl(setting.assetBase, path),
  })
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
    return
  }
  try {
    self.postMessage(render(message.id, message.path, message.text))
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
