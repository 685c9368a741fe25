/** Fully parsed articles and pages, for the site builder (which decides what to publish). */
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'
import { parseFrontMatter } from '../frontmatter'
import { findArticleFiles, findPageFiles } from './articleFiles'
import { decodeArticle } from './decode'
import { articleFields, type ArticleFields } from './fields'
import { newestFirst } from './list'
import { mapLimit } from './mapLimit'
import { readArticleBytes } from './read'
import type { Workspace } from './types'

/** One article (or page) with its front matter and body; `error` when it could not be used. */
export interface Article extends ArticleFields {
  path: string
  frontMatter: Record<string, unknown>
  body: string
  /** 1-based line of the body's first line in the file. */
  bodyStartLine: number
  error?: FolioError
}

async function loadOne(ws: Workspace, relPath: string): Promise<Article & { mtimeMs: number }> {
  try {
    const { bytes, mtimeMs } = await readArticleBytes(path.join(ws.root, relPath), relPath)
    const parsed = parseFrontMatter(decodeArticle(bytes, relPath))
    const article = {
      path: relPath,
      ...articleFields(ws, relPath, parsed.data),
      frontMatter: parsed.data,
      body: parsed.body,
      bodyStartLine: parsed.bodyStartLine,
      mtimeMs,
    }
    if (!parsed.error) return article
    const error = new FolioError(
      'frontmatter',
      `Front matter of "${relPath}": ${parsed.error.message}`,
      { path: relPath, line: parsed.error.line },
    )
    return { ...article, error }
  } catch (err) {
    return {
      path: relPath,
      ...articleFields(ws, relPath, {}),
      frontMatter: {},
      body: '',
      bodyStartLine: 1,
      mtimeMs: 0,
      error: toFolioError(err, relPath),
    }
  }
}

async function loadAll(ws: Workspace, files: string[]): Promise<Article[]> {
  const loaded = await mapLimit(files, 16, (rel) => loadOne(ws, rel))
  return loaded.sort(newestFirst).map(({ mtimeMs: _mtimeMs, ...article }) => article)
}

/** Every article of `ws` (drafts included), parsed in full, newest first. */
export async function loadArticles(ws: Workspace): Promise<Article[]> {
  return loadAll(ws, await findArticleFiles(ws))
}

/** The static pages of `ws` (`pages/*.md` in the folio layout); [] when there are none. */
export async function loadPages(ws: Workspace): Promise<Article[]> {
  return loadAll(ws, await findPageFiles(ws))
}
