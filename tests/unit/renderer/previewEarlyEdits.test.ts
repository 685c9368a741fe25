import { EditorState } from '@codemirror/state'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { articlePathField } from '../../../src/renderer/src/editor/articlePath'
import { earlyPreviewEdits } from '../../../src/renderer/src/preview/earlyPreviewEdits'
import { PreviewController } from '../../../src/renderer/src/preview/previewController'
import type {
  RenderRequest,
  RenderResponse,
} from '../../../src/renderer/src/preview/renderProtocol'

/**
 * The render worker's side of the protocol, recorded: what the controller posts and when it
 * answers. (Web workers do not run under Node; the whole preview runs in Chromium in the e2e
 * tests.)
 */
class RecordingWorker {
  static last: RecordingWorker
  readonly posted: RenderRequest[] = []
  onmessage: ((event: { data: RenderResponse }) => void) | null = null
  onerror: unknown = null
  constructor() {
    RecordingWorker.last = this
  }
  postMessage(message: RenderRequest) {
    this.posted.push(message)
  }
  terminate() {}
  /** Answers the latest render request as the worker would when nothing changed on the page. */
  answer() {
    const request = [...this.posted].reverse().find((m) => m.type === 'render')
    const id = request && request.type === 'render' ? request.id : 0
    this.onmessage?.({ data: { id, shell: null, body: null, headings: [], durationMs: 1 } })
  }
  renders() {
    return this.posted.filter(
      (m): m is Extract<RenderRequest, { type: 'render' }> => m.type === 'render',
    )
  }
}

const frame = { addEventListener() {}, contentDocument: null, srcdoc: '' }
const setting = {
  theme: { name: 'default', templates: {}, css: '' },
  site: { title: 'T', baseUrl: 'https://t.test/', language: 'en', description: '', author: '' },
  assetBase: 'http://127.0.0.1/asset/',
} as never
let saved: unknown

beforeEach(() => {
  saved = (globalThis as { Worker?: unknown }).Worker
  ;(globalThis as { Worker?: unknown }).Worker = RecordingWorker
})
afterEach(() => {
  ;(globalThis as { Worker?: unknown }).Worker = saved
})

function setup(path = 'posts/a.md') {
  // The frames of the page: requests leave for the worker when one starts.
  const scheduled: (() => void)[] = []
  const nextFrame = () => {
    for (const flush of scheduled.splice(0)) flush()
  }
  const controller = new PreviewController(frame as never, { onRendered() {} }, (flush) =>
    scheduled.push(flush),
  )
  const worker = RecordingWorker.last
  controller.setSetting(setting)
  const state = EditorState.create({
    doc: 'First paragraph.\n\nSecond paragraph.',
    extensions: [articlePathField.init(() => path), earlyPreviewEdits(() => controller)],
  })
  controller.render(path, state.doc)
  nextFrame()
  worker.answer()
  return { controller, worker, state, nextFrame }
}

describe('early preview edits', () => {
  it('sends a keystroke as a one-character edit from the transaction, and nothing again after', () => {
    const { controller, worker, state, nextFrame } = setup()
    expect(worker.renders()).toHaveLength(1)
    const tr = state.update({ changes: { from: 5, insert: 'x' } })
    nextFrame()
    const renders = worker.renders()
    expect(renders).toHaveLength(2)
    expect(renders[1].change).toEqual({ edit: { from: 5, to: 5, insert: 'x' } })
    worker.answer()
    // The editor's own render of the same text, after its update, finds nothing to send.
    controller.render('posts/a.md', tr.state.doc)
    expect(worker.renders()).toHaveLength(2)
  })

  it('leaves an edit to the usual render while the worker is busy, which then sends the diff', () => {
    const { controller, worker, state, nextFrame } = setup()
    const first = state.update({ changes: { from: 0, insert: 'A' } })
    const second = first.state.update({ changes: { from: 1, insert: 'B' } })
    nextFrame()
    expect(worker.renders()).toHaveLength(2)
    controller.render('posts/a.md', second.state.doc)
    worker.answer()
    const renders = worker.renders()
    expect(renders).toHaveLength(3)
    expect(renders[2].change).toEqual({ edit: { from: 1, to: 1, insert: 'B' } })
  })

  it("holds a keystroke's edit until the frame starts, so the worker does not render during it", () => {
    const { worker, state, nextFrame } = setup()
    state.update({ changes: { from: 5, insert: 'x' } })
    expect(worker.renders()).toHaveLength(1)
    nextFrame()
    expect(worker.renders()).toHaveLength(2)
  })

  it('keeps the order of requests held for the same frame', () => {
    const { controller, worker, state, nextFrame } = setup()
    state.update({ changes: { from: 5, insert: 'x' } })
    controller.setPage('home')
    controller.setSetting(setting)
    expect(worker.posted.slice(-1)[0].type).toBe('render')
    nextFrame()
    const types = worker.posted.slice(-2).map((m) => m.type)
    expect(worker.renders()).toHaveLength(2)
    expect(types).toEqual(['render', 'setting'])
  })

  it('sends what an answer lets go at once, without waiting for a frame', () => {
    const { controller, worker, state, nextFrame } = setup()
    const first = state.update({ changes: { from: 0, insert: 'A' } })
    nextFrame()
    const second = first.state.update({ changes: { from: 1, insert: 'B' } })
    controller.render('posts/a.md', second.state.doc)
    expect(worker.renders()).toHaveLength(2)
    worker.answer()
    expect(worker.renders()).toHaveLength(3)
  })

  it('ignores edits of another article than the one the preview holds', () => {
    const { controller, worker } = setup()
    const other = EditorState.create({
      doc: 'First paragraph.\n\nSecond paragraph.',
      extensions: [articlePathField.init(() => 'posts/b.md'), earlyPreviewEdits(() => controller)],
    })
    other.update({ changes: { from: 0, insert: 'Z' } })
    expect(worker.renders()).toHaveLength(1)
  })

  it('renders the same text again after the theme changed', () => {
    const { controller, worker, state, nextFrame } = setup()
    controller.setSetting(setting)
    controller.render('posts/a.md', state.doc)
    nextFrame()
    const renders = worker.renders()
    expect(renders).toHaveLength(2)
    expect(renders[1].change).toBeNull()
    expect(renders[1].wantShell).toBe(true)
  })

  it('sends a change of several ranges as the one range that covers them', () => {
    const { worker, state, nextFrame } = setup()
    state.update({
      changes: [
        { from: 0, insert: '1' },
        { from: state.doc.length, insert: '2' },
      ],
    })
    nextFrame()
    const change = worker.renders()[1].change as { edit: { from: number; to: number } }
    expect(change.edit.from).toBe(0)
    expect(change.edit.to).toBe(state.doc.length)
  })
})
