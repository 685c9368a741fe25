/**
 * FrameOutbox: messages for the preview's render worker, held until the start of the next frame
 * and then sent in the order they were given.
 *
 * NOTE: an edit is posted from the keystroke's own handler, and the worker would start rendering
 * at once. On a machine with two cores it then takes the CPU from the rest of that handler
 * (CodeMirror's parse, DOM update and Chromium's forced layout), together with the JIT compiler
 * and the compositor: keystroke → editor paint p95 was about 2 ms longer at 2,000 words in runs
 * taken in turns. Sent at the start of the frame, the worker renders during the frame's own
 * style, layout and paint, and its answer still arrives when that frame is done.
 */

/** Calls `flush` once, at the moment the outbox should send what it holds. */
export type Schedule = (flush: () => void) => void

/**
 * The default schedule: the next animation frame while the page is shown; a task when it is
 * hidden, where no frame comes (a window opened in the background still gets its first preview).
 */
export const nextFrame: Schedule = (flush) => {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible')
    requestAnimationFrame(() => flush())
  else setTimeout(flush, 0)
}

export class FrameOutbox<T> {
  private readonly held: T[] = []
  private scheduled = false

  /** `send` posts one message; `schedule` picks when held messages leave. */
  constructor(
    private readonly send: (message: T) => void,
    private readonly schedule: Schedule = nextFrame,
  ) {}

  /** Holds `message` until the next flush, which it schedules if none is. */
  push(message: T): void {
    this.held.push(message)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => this.flush())
  }

  /** Sends everything held now, in order. A scheduled flush that comes later finds nothing. */
  flush(): void {
    this.scheduled = false
    for (const message of this.held.splice(0)) this.send(message)
  }
}
