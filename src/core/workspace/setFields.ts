/** Editing an article's front matter fields on disk (the form in the app, `folio set` in the CLI). */
import type { SaveResult } from '../api'
import { FolioError } from '../errors'
import { setFrontMatterFields } from '../frontmatter'
import { summarizeArticle } from './list'
import { readArticle } from './read'
import { saveArticle } from './save'
import type { Workspace } from './types'

/**
 * Sets front matter `fields` of the article at `relPath` (null removes one) through the lossless
 * editor and the conflict-checked save. Throws FolioError 'frontmatter' (with path and line) for
 * malformed front matter, which is never rewritten.
 */
export async function setArticleFields(
  ws: Workspace,
  relPath: string,
  fields: Record<string, unknown>,
): Promise<SaveResult> {
  const doc = await readArticle(ws, relPath)
  let text: string
  try {
    text = setFrontMatterFields(doc.text, fields)
  } catch (err) {
    if (!(err instanceof FolioError)) throw err
    throw new FolioError(err.code, `"${relPath}": ${err.message}`, {
      path: relPath,
      line: err.line,
    })
  }
  if (text === doc.text) {
    const summary = summarizeArticle(ws, relPath)
    return { status: 'saved', version: doc.version, mtimeMs: doc.mtimeMs, summary }
  }
  return saveArticle(ws, relPath, text, doc.version)
}
