/** Opening one article for editing: its exact text and the content version saves must name. */
import { promises as fs } from 'node:fs'
import type { ArticleDocument } from '../api'
import { FolioError, toFolioError } from '../errors'
import { parseFrontMatter } from '../frontmatter'
import { decodeArticle, maxArticleBytes } from './decode'
import { contentHash } from './hash'
import { resolveInside } from './paths'
import type { Workspace } from './types'
import { rememberVersion } from './versions'

/** Reads the bytes of a workspace file, refusing folders and files above the article size limit. */
export async function readArticleBytes(
  abs: string,
  relPath: string,
): Promise<{ bytes: Buffer; mtimeMs: number }> {
  try {
    const st = await fs.stat(abs)
    if (st.isDirectory())
      throw new FolioError('invalid-argument', `"${relPath}" is a folder, not an article.`, {
        path: relPath,
      })
    if (st.size > maxArticleBytes) {
      const mb = Math.round(st.size / 1024 / 1024)
      throw new FolioError(
        'too-large',
        `"${relPath}" is ${mb} MB; Folio opens articles up to 20 MB. Split it or edit it in another editor.`,
        { path: relPath },
      )
    }
    const bytes = await fs.readFile(abs)
    return { bytes, mtimeMs: st.mtimeMs }
  } catch (err) {
    throw toFolioError(err, relPath)
  }
}

/**
 * Reads the article at workspace-relative `relPath`. `version` is the sha256 of its bytes.
 * Throws FolioError 'unreadable' (binary or invalid UTF-8), 'too-large' (> 20 MB), 'not-found'.
 * A front matter problem does not fail the read: it is returned in `error` with its line.
 */
export async function readArticle(ws: Workspace, relPath: string): Promise<ArticleDocument> {
  const abs = await resolveInside(ws, relPath)
  const { bytes, mtimeMs } = await readArticleBytes(abs, relPath)
  const text = decodeArticle(bytes, relPath)
  const version = contentHash(bytes)
  rememberVersion(abs, version)
  const doc: ArticleDocument = { path: relPath, text, version, mtimeMs }
  const parsed = parseFrontMatter(text)
  if (parsed.error) {
    doc.error = new FolioError(
      'frontmatter',
      `Front matter of "${relPath}": ${parsed.error.message}`,
      {
        path: relPath,
        line: parsed.error.line,
      },
    ).toJSON()
  }
  return doc
}
