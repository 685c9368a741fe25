/**
 * `SiteBuild`: the state of one build in progress (files, problems, sitemap, cache) and the page
 * rendering every page writer shares, which skips pages the last build wrote from equal inputs.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import type { BuildProblem } from '../api'
import { toFolioError } from '../errors'
import type { ResolvedLinks } from './articleLinks'
import { rewriteLinks } from './articleLinks'
import type { BodyMeta, BuildCache } from './buildCache'
import { bodyKey, renderBody } from './renderBody'
import { readingMinutes } from './render/readingTime'
import { renderPage } from './render/renderPage'
import { routeFile } from './render/routes'
import type { ArticleInput, PageContext } from './render/viewTypes'
import { responsiveImages, type ResponsiveImage } from './responsiveImages'
import type { BuildOptions, SiteSource, SourceArticle } from './siteSource'
import { SiteFiles } from './siteFiles'
import type { SitemapEntry } from './sitemap'

/** One published article or page with its rendered body's facts, as the page writers see it. */
export interface BodyItem {
  article: SourceArticle
  kind: 'article' | 'page'
  /** `bodyKey` of the article: names its rendered body in the cache. */
  key: string
  meta: BodyMeta
  links: ResolvedLinks
  /** Responsive variants of the body's images, by their URL in the body. */
  images: Record<string, ResponsiveImage>
}

/** The SHA-1 of `parts` joined unambiguously: the key of generated content's inputs. */
export function hashOf(...parts: string[]): string {
  // One update of the joined text (the same bytes as one update per part and separator): a
  // build hashes thousands of page keys, and each update call costs more than its bytes.
  return createHash('sha1')
    .update(parts.join('\0') + '\0')
    .digest('hex')
}

/** The copy key of a file (path, size, modification time), or null when it is not a file. */
export async function fileKey(abs: string): Promise<string | null> {
  try {
    const st = await fs.stat(abs)
    return st.isFile() ? `copy:${abs}:${st.size}:${st.mtimeMs}` : null
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw err
  }
}

/** A page rendered (or kept) before its turn, to be added to the build in the usual order. */
export interface PageOutcome {
  route: string
  key: string
  /** The page's HTML; null when the last build's file is kept. */
  html: string | null
  /** The error that stopped the page, reported with `sourcePath`. */
  error?: unknown
  sourcePath: string
}

/** A build in progress: what it has made so far and what it found wrong. */
export class SiteBuild {
  readonly files = new SiteFiles()
  readonly problems: BuildProblem[] = []
  readonly sitemap: SitemapEntry[] = []
  readonly images = new Set<string>()
  /** Remarks about how the build ran that are not problems (e.g. "rendered on one thread"). */
  readonly notes: string[] = []
  pageCount = 0
  hasMath = false
  /** Key of everything every page shares: theme templates, site settings, navigation, year. */
  globalKey = ''
  /** Where image variants are made and kept. */
  imageCacheDir = ''

  constructor(
    readonly source: SiteSource,
    readonly options: BuildOptions,
    readonly cache: BuildCache,
    /** The last build's file keys when its output can be updated in place; null for a fresh build. */
    readonly previous: Record<string, string> | null,
  ) {}

  /** `readingMinutes(article.body)`, from the source's cached facts when it keeps them. */
  readonly readingMinutesOf = (article: ArticleInput): number =>
    this.source.factsOf?.(article)?.readingMinutes ?? readingMinutes(article.body)

  /** `bodyKey(article)`, from the source's cached facts when it keeps them. */
  bodyKeyOf(article: SourceArticle): string {
    return this.source.factsOf?.(article)?.bodyKey ?? bodyKey(article)
  }

  /** Records a problem of the file at `path` (workspace-relative), at `line` when known. */
  problem(path: string, message: string, line?: number): void {
    this.problems.push(line === undefined ? { path, message } : { path, line, message })
  }

  /** Records `err` as a problem of its own path, or of `fallbackPath` when it names none. */
  fail(err: unknown, fallbackPath: string): void {
    const error = toFolioError(err, fallbackPath)
    this.problem(error.path ?? fallbackPath, error.message, error.line)
  }

  /** Whether `file` can stay as the last build wrote it from inputs with `key`. */
  unchanged(file: string, key: string): boolean {
    return this.previous !== null && this.previous[file] === key
  }

  /**
   * Renders the page at `route` whose inputs have `key`, unless the last build wrote it from the
   * same inputs; `context` builds what the layout renders with only when it is needed. The
   * outcome is returned, not added: `addPage` adds it.
   */
  async renderPageOutcome(
    route: string,
    layout: string,
    key: string,
    context: () => PageContext | Promise<PageContext>,
    sourcePath: string,
  ): Promise<PageOutcome> {
    if (this.unchanged(routeFile(route), key)) return { route, key, html: null, sourcePath }
    try {
      const html = renderPage(this.source.theme, layout, await context())
      return { route, key, html, sourcePath }
    } catch (error) {
      return { route, key, html: null, error, sourcePath }
    }
  }

  /** Adds a page outcome to the site (or its problem); true when the page is part of the site. */
  addPage(outcome: PageOutcome): boolean {
    const file = routeFile(outcome.route)
    if (outcome.error !== undefined) {
      this.fail(outcome.error, outcome.sourcePath)
      return false
    }
    if (outcome.html === null) this.files.keep(file, outcome.key)
    else this.files.write(file, outcome.html, outcome.key)
    this.pageCount++
    return true
  }

  /**
   * The rendered body of `item`, from the cache or rendered again if its file is gone, with its
   * article links rewritten and (for pages, not feeds) its images made responsive.
   */
  async bodyHtml(item: BodyItem, responsive = true): Promise<string> {
    const body =
      (await this.cache.body(item.key)) ??
      renderBody({ path: item.article.path, slug: item.article.slug, body: item.article.body })
    const html = rewriteLinks(body.html, item.links.rewrites)
    return responsive ? responsiveImages(html, item.images) : html
  }
}
