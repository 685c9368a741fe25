/**
 * Loading the articles and pages a build is made from, reusing the parse of every file whose
 * size and modification time are what the last build saw (or whose bytes hash the same), so a
 * rebuild of thousands of articles parses only the ones that changed.
 */
import { createHash } from 'node:crypto'
import { promises as fs, statSync } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'
import { parseFrontMatter } from '../frontmatter'
import { findArticleFiles, findPageFiles } from '../workspace/articleFiles'
import { decodeArticle, maxArticleBytes } from '../workspace/decode'
import { mapLimit } from '../workspace/mapLimit'
import { articleFields } from '../workspace/fields'
import type { Workspace } from '../workspace'
import type { ArticleFacts, SourceArticle } from './siteSource'
import { newestFirst } from './publishedArticles'
import { articleKeywords } from './relatedArticles'
import { bodyKey } from './renderBody'
import { readingMinutes } from './render/readingTime'

/** What the cache remembers of one source file: its stamp, its bytes' hash and its parse. */
export interface CachedSource {
  /** `size:mtimeMs`, the cheap test for "unchanged". */
  stamp: string
  hash: string
  article: SourceArticle
  /** What the build derives from the article's text, kept so a rebuild goes over no body again. */
  facts: ArticleFacts
}

/** The facts a build derives from `article` (see `ArticleFacts`), computed now. */
export function articleFacts(article: SourceArticle): ArticleFacts {
  return {
    keywords: articleKeywords(article),
    readingMinutes: readingMinutes(article.body),
    bodyKey: bodyKey(article),
  }
}

/** The loaded sources, and the cache entries to remember for the next build. */
export interface LoadedSources {
  articles: SourceArticle[]
  pages: SourceArticle[]
  entries: Map<string, CachedSource>
}

function parse(ws: Workspace, rel: string, bytes: Buffer): SourceArticle {
  const parsed = parseFrontMatter(decodeArticle(bytes, rel))
  const article: SourceArticle = {
    path: rel,
    ...articleFields(ws, rel, parsed.data),
    frontMatter: parsed.data,
    body: parsed.body,
    bodyStartLine: parsed.bodyStartLine,
  }
  if (parsed.error)
    article.error = {
      message: `Front matter of "${rel}": ${parsed.error.message}`,
      line: parsed.error.line,
    }
  return article
}

function unreadable(ws: Workspace, rel: string, err: unknown): SourceArticle {
  const error = toFolioError(err, rel)
  return {
    path: rel,
    ...articleFields(ws, rel, {}),
    frontMatter: {},
    body: '',
    bodyStartLine: 1,
    error: { message: error.message, line: error.line },
  }
}

/** A source file and its stamp (`size:mtimeMs`), or the error met while looking at it. */
export interface SourceStamp {
  path: string
  kind: 'article' | 'page'
  stamp: string
  size: number
  error?: unknown
}

function stampOf(root: string, rel: string, kind: SourceStamp['kind']): SourceStamp {
  try {
    const st = statSync(path.join(root, rel))
    return { path: rel, kind, stamp: `${st.size}:${st.mtimeMs}`, size: st.size }
  } catch (err) {
    return { path: rel, kind, stamp: 'error', size: 0, error: err }
  }
}

/** Lists the articles and pages of `ws` with their stamps: the cheap look that finds changes. */
export async function statSources(ws: Workspace): Promise<SourceStamp[]> {
  const [articleFiles, pageFiles] = await Promise.all([findArticleFiles(ws), findPageFiles(ws)])
  const files = [
    ...articleFiles.map((rel) => [rel, 'article'] as const),
    ...pageFiles.map((rel) => [rel, 'page'] as const),
  ]
  // NOTE: synchronous on purpose: thousands of promise round trips through the thread pool cost
  // twice the time of these stats (about 3 µs each) done in one go.
  return files.map(([rel, kind]) => stampOf(ws.root, rel, kind))
}

async function loadOne(
  ws: Workspace,
  source: SourceStamp,
  previous: Map<string, CachedSource>,
): Promise<CachedSource | SourceArticle> {
  const rel = source.path
  const abs = path.join(ws.root, rel)
  try {
    if (source.error) throw source.error
    const stamp = source.stamp
    const before = previous.get(rel)
    if (before && before.stamp === stamp) return before
    if (source.size > maxArticleBytes)
      throw new FolioError('too-large', `"${rel}" is over 20 MB; split it to publish it.`, {
        path: rel,
      })
    const bytes = await fs.readFile(abs)
    const hash = createHash('sha1').update(bytes).digest('hex')
    if (before && before.hash === hash) return { ...before, stamp }
    const article = parse(ws, rel, bytes)
    return { stamp, hash, article, facts: articleFacts(article) }
  } catch (err) {
    return unreadable(ws, rel, err)
  }
}

/**
 * Loads the articles and pages `stamps` lists, newest first, reusing `previous` parses whose
 * stamp or content hash still holds.
 */
export async function loadSources(
  ws: Workspace,
  stamps: SourceStamp[],
  previous: Map<string, CachedSource>,
): Promise<LoadedSources> {
  const entries = new Map<string, CachedSource>()
  const loaded = await mapLimit(stamps, 32, (stamp) => loadOne(ws, stamp, previous))
  const articles: SourceArticle[] = []
  const pages: SourceArticle[] = []
  loaded.forEach((item, i) => {
    const article = 'stamp' in item ? item.article : item
    if ('stamp' in item) entries.set(stamps[i].path, item)
    ;(stamps[i].kind === 'page' ? pages : articles).push(article)
  })
  return { articles: articles.sort(newestFirst), pages: pages.sort(newestFirst), entries }
}
