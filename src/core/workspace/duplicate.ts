/**
 * Copies of an article: "Duplicate" (a new article titled "... (copy)") and "keep both" after a
 * save conflict (the editor's text saved beside the file that changed on disk).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { ArticleDocument } from '../api'
import { FolioError, toFolioError } from '../errors'
import { parseFrontMatter, setFrontMatterFields } from '../frontmatter'
import { articleUnit } from './articleUnit'
import { atomicWrite } from './atomicWrite'
import { contentHash } from './hash'
import { resolveInside } from './paths'
import { readArticle } from './read'
import { freeSlug } from './rename'
import type { Workspace } from './types'
import { writingVersion } from './versions'

/**
 * Writes `text` as a new article beside `relPath`, named `<slug>-copy` (then `-copy-2`, ...). A
 * bundle is copied with its images. Never overwrites anything; returns the new article.
 */
export async function saveArticleCopy(
  ws: Workspace,
  relPath: string,
  text: string,
): Promise<ArticleDocument> {
  const unit = articleUnit(ws, relPath)
  const free = await freeSlug(ws, unit, `${unit.slug}-copy`)
  const fileAbs = await resolveInside(ws, free.file)
  const bytes = Buffer.from(text, 'utf8')
  try {
    if (unit.isBundle) {
      const fromDir = await resolveInside(ws, unit.moved)
      const toDir = await resolveInside(ws, free.moved)
      await fs.cp(fromDir, toDir, {
        recursive: true,
        errorOnExist: true,
        force: false,
        verbatimSymlinks: true,
      })
      await writingVersion(fileAbs, contentHash(bytes), () => atomicWrite(fileAbs, bytes))
    } else {
      await fs.mkdir(path.dirname(fileAbs), { recursive: true })
      await writingVersion(fileAbs, contentHash(bytes), () =>
        atomicWrite(fileAbs, bytes, { noClobber: true }),
      )
    }
  } catch (err) {
    throw toFolioError(err, free.file)
  }
  const st = await fs.stat(fileAbs)
  return { path: free.file, text, version: contentHash(bytes), mtimeMs: st.mtimeMs }
}

/**
 * Duplicates the article at `relPath` as `<slug>-copy` with " (copy)" added to its title (when its
 * front matter can be edited; otherwise the text is copied as it is).
 */
export async function duplicateArticle(ws: Workspace, relPath: string): Promise<ArticleDocument> {
  const doc = await readArticle(ws, relPath)
  const parsed = parseFrontMatter(doc.text)
  let text = doc.text
  if (!parsed.error && typeof parsed.data.title === 'string') {
    try {
      text = setFrontMatterFields(doc.text, { title: `${parsed.data.title} (copy)` })
    } catch (err) {
      if (!(err instanceof FolioError)) throw err
      text = doc.text
    }
  }
  return saveArticleCopy(ws, relPath, text)
}
