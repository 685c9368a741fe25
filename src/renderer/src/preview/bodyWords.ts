/**
 * The word count of an article's body (after the front matter), kept up to date from text edits
 * by recounting only the lines an edit touched, so the preview's reading time costs a keystroke
 * a line's work instead of the whole article's.
 */
import { wordCount } from '../../../core/site/render'
import { frontMatterHead } from './previewShell'
import type { TextEdit } from './textEdit'

/** The start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  return pos === 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1
}

/** The end (before the line break) of the line holding `pos`. */
function lineEnd(text: string, pos: number): number {
  const at = text.indexOf('\n', pos)
  return at < 0 ? text.length : at
}

export class BodyWordCount {
  private words = 0
  private headLength = 0

  /** Counts the body of `text` from scratch; returns the count. */
  reset(text: string): number {
    this.headLength = frontMatterHead.exec(text)?.[0].length ?? 0
    this.words = wordCount(text.slice(this.headLength))
    return this.words
  }

  /**
   * The count after `edit` turned `before` into `after`. Words never span a line break, so the
   * lines around the edit are recounted and the rest is kept; an edit in the front matter (or
   * that could make one) recounts everything.
   */
  update(before: string, after: string, edit: TextEdit): number {
    // NOTE: without front matter, a text that starts with a fence may gain one anywhere below.
    const mayGainHead = this.headLength === 0 && /^\uFEFF?(---|\+\+\+)/.test(after)
    if (edit.from <= this.headLength || mayGainHead) return this.reset(after)
    const from = lineStart(before, edit.from)
    const removed = before.slice(from, lineEnd(before, edit.to))
    const added = after.slice(from, lineEnd(after, edit.from + edit.insert.length))
    this.words += wordCount(added) - wordCount(removed)
    return this.words
  }
}
