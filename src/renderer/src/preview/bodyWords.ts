/**
 * The word count of an article's body (after the front matter), kept up to date from text edits
 * by recounting only the lines an edit touched, so the preview's reading time costs a keystroke
 * a line's work instead of the whole article's. An edit below the front matter reads only the
 * lines around it, so it never needs the whole of a ChunkedText.
 */
import { wordCount } from '../../../core/site/render'
import type { TextSource } from '../../../core/markdown'
import { frontMatterHeadOf } from './previewShell'
import type { TextEdit } from './textEdit'

/** The start of the line holding `pos`, read back from `pos` a growing stretch at a time. */
function lineStart(text: TextSource, pos: number): number {
  for (let span = 256; ; span *= 4) {
    const from = Math.max(0, pos - span)
    const at = text.slice(from, pos).lastIndexOf('\n')
    if (at >= 0) return from + at + 1
    if (from === 0) return 0
  }
}

/** The end (before the line break) of the line holding `pos`. */
function lineEnd(text: TextSource, pos: number): number {
  for (let span = 256; ; span *= 4) {
    const to = Math.min(text.length, pos + span)
    const at = text.slice(pos, to).indexOf('\n')
    if (at >= 0) return pos + at
    if (to === text.length) return to
  }
}

export class BodyWordCount {
  private words = 0
  private headLength = 0

  /** Counts the body of `text` from scratch; returns the count. */
  reset(text: TextSource): number {
    this.headLength = frontMatterHeadOf(text).length
    this.words = wordCount(text.slice(this.headLength))
    return this.words
  }

  /**
   * The count after `edit` turned `before` into `after`. Words never span a line break, so the
   * lines around the edit are recounted and the rest is kept; an edit in the front matter (or
   * that could make one) recounts everything.
   */
  update(before: TextSource, after: TextSource, edit: TextEdit): number {
    // NOTE: without front matter, a text that starts with a fence may gain one anywhere below.
    const mayGainHead = this.headLength === 0 && /^\uFEFF?(---|\+\+\+)/.test(after.slice(0, 4))
    if (edit.from <= this.headLength || mayGainHead) return this.reset(after)
    const from = lineStart(before, edit.from)
    const removed = before.slice(from, lineEnd(before, edit.to))
    const added = after.slice(from, lineEnd(after, edit.from + edit.insert.length))
    this.words += wordCount(added) - wordCount(removed)
    return this.words
  }
}
