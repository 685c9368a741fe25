import { EditorState } from '@codemirror/state'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
  layout: { layout: 'folio', draftDirs: [] },
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
  const state = EditorState.create({ doc: 'First paragraph.\n\nSecond paragraph.' })
  controller.render(path, state.doc)
  nextFrame()
  worker.answer()
  return { controller, worker, state, nextFrame }
}

describe('preview render requests', () => {
  it('sends a keystroke as a one-character edit at the next frame, and nothing during it', () => {
    const { controller, worker, state, nextFrame } = setup()
    expect(worker.renders()).toHaveLength(1)
    const typed = state.update({ changes: { from: 5, insert: 'x' } }).state
    controller.render('posts/a.md', typed.doc)
    expect(worker.renders()).toHaveLength(1)
    nextFrame()
    const renders = worker.renders()
    expect(renders).toHaveLength(2)
    expect(renders[1].change).toEqual({ edit: { from: 5, to: 5, insert: 'x' } })
    worker.answer()
    // The same text again finds nothing to send.
    controller.render('posts/a.md', typed.doc)
    nextFrame()
    expect(worker.renders()).toHaveLength(2)
  })

  it('holds text typed while the worker is busy and sends it as one edit when it answers', () => {
    const { controller, worker, state, nextFrame } = setup()
    const first = state.update({ changes: { from: 0, insert: 'A' } }).state
    controller.render('posts/a.md', first.doc)
    nextFrame()
    const second = first.update({ changes: { from: 1, insert: 'B' } }).state
    const third = second.update({ changes: { from: 2, insert: 'C' } }).state
    controller.render('posts/a.md', second.doc)
    controller.render('posts/a.md', third.doc)
    nextFrame()
    expect(worker.renders()).toHaveLength(2)
    // An answer comes in a task of its own: what it lets go leaves without waiting for a frame.
    worker.answer()
    const renders = worker.renders()
    expect(renders).toHaveLength(3)
    expect(renders[2].change).toEqual({ edit: { from: 1, to: 1, insert: 'BC' } })
  })

  it('keeps the order of requests held for the same frame', () => {
    const { controller, worker, state, nextFrame } = setup()
    controller.render('posts/a.md', state.update({ changes: { from: 5, insert: 'x' } }).state.doc)
    controller.setPage('home')
    controller.setSetting(setting)
    expect(worker.posted.slice(-1)[0].type).toBe('render')
    nextFrame()
    expect(worker.renders()).toHaveLength(2)
    expect(worker.posted.slice(-2).map((m) => m.type)).toEqual(['render', 'setting'])
  })

  it('sends the whole text of another article', () => {
    const { controller, worker, nextFrame } = setup()
    controller.render('posts/b.md', EditorState.create({ doc: 'Other.' }).doc)
    nextFrame()
    const renders = worker.renders()
    expect(renders).toHaveLength(2)
    expect(renders[1].path).toBe('posts/b.md')
    expect(renders[1].change).toEqual({ text: 'Other.' })
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
    const { controller, worker, state, nextFrame } = setup()
    const changed = state.update({
      changes: [
        { from: 0, insert: '1' },
        { from: state.doc.length, insert: '2' },
      ],
    }).state
    controller.render('posts/a.md', changed.doc)
    nextFrame()
    const change = worker.renders()[1].change as { edit: { from: number; to: number } }
    expect(change.edit.from).toBe(0)
    expect(change.edit.to).toBe(state.doc.length)
  })
})
