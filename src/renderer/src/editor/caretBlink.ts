/**
 * The caret blinks by a timer instead of CodeMirror's CSS animation.
 *
 * CodeMirror restarts a CSS animation on its cursor layer at every selection change, so that the
 * caret stays solid while the author types. In Chromium that restart costs every keystroke about
 * two milliseconds of style and animation work before the frame that shows the character (see
 * the keystroke → paint figures in bench/RESULTS.md). Here the layer has no animation: the caret
 * shows solid on every edit, selection change and focus, and once the author pauses a timer
 * hides and shows it every half period, off the typing path. When the system asks for reduced
 * motion, the caret does not blink at all.
 */
import type { Extension } from '@codemirror/state'
import { EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view'

/** One blink: shown for half of it, hidden for the other half (CodeMirror's default). */
const caretBlinkPeriodMs = 1200

const half = caretBlinkPeriodMs / 2

class CaretBlink {
  private lastActivity = performance.now()
  private hidden = false
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)')

  constructor(private readonly view: EditorView) {
    if (view.hasFocus) this.schedule(half)
  }

  update(update: ViewUpdate): void {
    if (!update.selectionSet && !update.docChanged && !update.focusChanged) return
    this.lastActivity = performance.now()
    // NOTE: only a caret hidden by the blink is touched here: a keystroke while it shows costs
    // no style change at all.
    if (this.hidden) this.setHidden(false)
    if (!this.view.hasFocus) this.stop()
    else if (this.timer === null) this.schedule(half)
  }

  destroy(): void {
    this.stop()
  }

  private readonly tick = (): void => {
    this.timer = null
    if (!this.view.hasFocus) {
      this.setHidden(false)
      return
    }
    // With reduced motion the caret stays solid and no timer runs; the next edit, selection
    // change or focus looks again, so turning reduced motion off brings the blink back then.
    if (this.reducedMotion.matches) {
      this.setHidden(false)
      return
    }
    const idle = performance.now() - this.lastActivity
    if (idle < half) {
      // Typed or moved since the last tick: stay solid for a full half period after it.
      this.setHidden(false)
      this.schedule(half - idle)
    } else {
      this.setHidden(!this.hidden)
      this.schedule(half)
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(this.tick, ms)
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.setHidden(false)
  }

  private setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return
    this.hidden = hidden
    // CodeMirror's cursor layer, and Vim's block-cursor layer when Vim keys are on.
    for (const layer of this.view.scrollDOM.querySelectorAll<HTMLElement>(
      ':scope > .cm-cursorLayer',
    ))
      layer.style.visibility = hidden ? 'hidden' : ''
  }
}

/**
 * The extension, to go with `drawSelection()`: no CSS animation on the cursor layers (the
 * `!important` beats the animation name CodeMirror and Vim's block cursor set inline), and the
 * timer above.
 */
export function caretBlink(): Extension {
  return [
    EditorView.theme({
      '&.cm-focused > .cm-scroller > .cm-cursorLayer': { animation: 'none !important' },
    }),
    ViewPlugin.fromClass(CaretBlink),
  ]
}
