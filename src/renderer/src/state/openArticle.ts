/**
 * OpenArticle: one article open in the editor, as an immutable value. It records what is on disk
 * (the text and content version last read or saved); whether the editor is dirty is derived by
 * comparing the editor's document with that text, never stored beside it.
 */
import { Text } from '@codemirror/state'
import type { ArticleDocument } from '../../../core/api'
import type { FolioErrorData } from '../../../core/errors'

export interface OpenArticle {
  readonly path: string
  /** The text on disk as of `version`, as a CodeMirror Text so comparing with the doc is cheap. */
  readonly savedDoc: Text
  /** Content version the editor text is based on; null when the file is gone from disk. */
  readonly version: string | null
  /** Front matter problem reported when the article was read: it is edited as plain text. */
  readonly error?: FolioErrorData
  /**
   * The line break the file uses (the most frequent one), which a save writes back: the editor
   * holds lines, so a Windows file stays CRLF instead of changing on every line.
   */
  readonly lineBreak: LineBreak
}

export type LineBreak = '\n' | '\r\n' | '\r'

/** The most frequent line break in `text`; '\n' when it has none. */
export function lineBreakOf(text: string): LineBreak {
  let crlf = 0
  let cr = 0
  let lf = 0
  for (const match of text.matchAll(/\r\n?|\n/g)) {
    if (match[0] === '\r\n') crlf++
    else if (match[0] === '\r') cr++
    else lf++
  }
  if (crlf > lf && crlf >= cr) return '\r\n'
  if (cr > lf && cr > crlf) return '\r'
  return '\n'
}

/** A file's text as the editor holds it: its lines, whatever line break separates them. */
export function textOfFile(text: string): Text {
  return Text.of(text.split(/\r\n?|\n/))
}

/** The OpenArticle for a document just read from (or created on) disk. */
export function openedArticle(doc: ArticleDocument): OpenArticle {
  const article: OpenArticle = {
    path: doc.path,
    savedDoc: textOfFile(doc.text),
    version: doc.version,
    lineBreak: lineBreakOf(doc.text),
  }
  return doc.error ? { ...article, error: doc.error } : article
}

/** The text of `doc` as the article's file holds it: its lines joined by the file's line break. */
export function fileTextOf(article: OpenArticle, doc: Text): string {
  return article.lineBreak === '\n' ? doc.toString() : doc.toJSON().join(article.lineBreak)
}

/** The same article after `text` was written to disk as `version`. */
export function articleSaved(article: OpenArticle, text: string, version: string): OpenArticle {
  return {
    ...article,
    savedDoc: textOfFile(text),
    version,
    lineBreak: lineBreakOf(text),
  }
}

/** Whether the editor document differs from what is on disk. */
export function isDirty(article: OpenArticle, doc: Text): boolean {
  return !doc.eq(article.savedDoc)
}
