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
}

/** The OpenArticle for a document just read from (or created on) disk. */
export function openedArticle(doc: ArticleDocument): OpenArticle {
  const article: OpenArticle = {
    path: doc.path,
    savedDoc: Text.of(doc.text.split(/\r\n?|\n/)),
    version: doc.version,
  }
  return doc.error ? { ...article, error: doc.error } : article
}

/** The same article after `text` was written to disk as `version`. */
export function articleSaved(article: OpenArticle, text: string, version: string): OpenArticle {
  return { ...article, savedDoc: Text.of(text.split(/\r\n?|\n/)), version }
}

/** Whether the editor document differs from what is on disk. */
export function isDirty(article: OpenArticle, doc: Text): boolean {
  return !doc.eq(article.savedDoc)
}
