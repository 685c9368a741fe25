/**
 * `buildSite`: turns a workspace into a complete static blog in `outDir`. Problems in single
 * articles or templates are reported with file and line while everything else is still built;
 * the output folder is replaced in one step at the end.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { BuildProblem, BuildReport, ThemeBundle } from '../api'
import { toFolioError } from '../errors'
import type { Workspace } from '../workspace'
import { imageDestination, imageSourcePath } from './articleImages'
import { linkLine, resolveLinks, rewriteLinks, siteLinks, type ResolvedLinks } from './articleLinks'
import { BuildCache, type BodyMeta } from './buildCache'
import { buildFeeds } from './feeds'
import {
  archivePage,
  authorPages,
  homePages,
  notFoundPage,
  searchPage,
  tagPages,
  type ListInput,
  type PlannedPage,
} from './listPages'
import { loadTheme, locateTheme, readThemeBundle } from './loadTheme'
import { imageVariants } from './imageVariants'
import { loadSources, statSources } from './loadSources'
import { isPublished, newestFirst } from './publishedArticles'
import { aliasRoute, redirectPage } from './redirectPage'
import { articleKeywords, relatedArticles } from './relatedArticles'
import { renderBodies } from './renderBodies'
import { bodyKey, pipelineVersion, renderBody, siteImageUrl, type BodyJob } from './renderBody'
import { parseDate } from './render/formatDate'
import { articlePageContext } from './render/pageContext'
import { hasLayout, renderPage } from './render/renderPage'
import { absoluteUrl, rootFrom, routeFile, routes } from './render/routes'
import { siteView, type NavPage } from './render/siteView'
import type { ArticleInput, ArticleView, PageContext, SiteInput } from './render/viewTypes'
import { searchIndexJson, searchText } from './searchIndex'
import { checkOutDir, SiteFiles, updateSite, writeSiteAtomically } from './siteFiles'
import { responsiveImages, type ResponsiveImage } from './responsiveImages'
import { robotsTxt, sitemapXml, type SitemapEntry } from './sitemap'
import { copyFolder, copyKatexAssets, filesUnder } from './staticFiles'

/** Options of one build. */
export interface BuildOptions {
  /** Absolute folder the site is written to (replaced as a whole). */
  outDir: string
  /** Include drafts and future-dated articles (a local preview build). */
  drafts?: boolean
  /** The build's notion of "now", for scheduled articles and the footer year. */
  now?: Date
}

/** An article or page as the builder gets it: the workspace's Article (with its parse error). */
export interface SourceArticle extends ArticleInput {
  bodyStartLine: number
  error?: { message: string; line?: number }
}

/** Everything a build is made from, already loaded. */
export interface SiteSource {
  /** Absolute workspace folder (images and `static/` are read from it). */
  root: string
  site: SiteInput
  pageSize: number
  theme: ThemeBundle
  /** Absolute folder of the theme, whose `assets/` are copied; null for none. */
  themeDir: string | null
  articles: SourceArticle[]
  pages: SourceArticle[]
  /** Cached `articleKeywords` of an article, when the caller keeps them. */
  keywordsOf?: (article: ArticleInput) => string[]
}

interface BodyItem {
  article: SourceArticle
  kind: 'article' | 'page'
  key: string
  meta: BodyMeta
  links: ResolvedLinks
  /** Responsive variants of the body's images, by their URL in the body. */
  images: Record<string, ResponsiveImage>
}

class Build {
  readonly files = new SiteFiles()
  readonly problems: BuildProblem[] = []
  readonly sitemap: SitemapEntry[] = []
  readonly images = new Set<string>()
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

  problem(path: string, message: string, line?: number): void {
    this.problems.push(line === undefined ? { path, message } : { path, line, message })
  }

  fail(err: unknown, fallbackPath: string): void {
    const error = toFolioError(err, fallbackPath)
    this.problem(error.path ?? fallbackPath, error.message, error.line)
  }

  /** Whether `file` can stay as the last build wrote it from inputs with `key`. */
  unchanged(file: string, key: string): boolean {
    return this.previous !== null && this.previous[file] === key
  }

  /** Key of a page: the shared inputs, the layout and the page's own context (without `site`). */
  pageKey(route: string, layout: string, context: PageContext): string {
    const { site: _site, ...own } = context
    return hashOf(this.globalKey, route, layout, JSON.stringify(own))
  }

  /**
   * Renders `layout` with `context` to the page at `route`, unless the last build wrote it from
   * the same inputs. `prepare` fills in what the key left out (the article body).
   */
  async renderTo(
    route: string,
    layout: string,
    context: PageContext,
    sourcePath: string,
    prepare?: (context: PageContext) => Promise<void>,
  ): Promise<boolean> {
    const file = routeFile(route)
    const key = this.pageKey(route, layout, context)
    if (this.unchanged(file, key)) {
      this.files.keep(file, key)
      this.pageCount++
      return true
    }
    try {
      if (prepare) await prepare(context)
      const html = renderPage(this.source.theme, layout, context)
      this.files.write(file, html, key)
      this.pageCount++
      return true
    } catch (err) {
      this.fail(err, sourcePath)
      return false
    }
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

function hashOf(...parts: string[]): string {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** Renders the bodies not in the cache (on all cores when there are many) and caches them. */
async function renderNewBodies(build: Build, articles: SourceArticle[]): Promise<string[]> {
  const keys = articles.map((a) => bodyKey(a))
  const jobs = new Map<string, BodyJob>()
  articles.forEach((a, i) => {
    if (!build.cache.meta(keys[i]) && !jobs.has(keys[i]))
      jobs.set(keys[i], { path: a.path, slug: a.slug, body: a.body })
  })
  const rendered = await renderBodies([...jobs.values()])
  ;[...jobs.keys()].forEach((key, i) => {
    const body = rendered[i]
    const meta = { images: body.images, hasMath: body.hasMath, links: siteLinks(body.html) }
    build.cache.put(key, body, meta, searchText(body.html))
  })
  return keys
}

/** Registers the images of one body for copying and reports those that are missing. */
async function addImages(build: Build, item: BodyItem): Promise<void> {
  const { article } = item
  for (const image of item.meta.images) {
    const line = image.line === undefined ? undefined : article.bodyStartLine + image.line - 1
    const from = imageSourcePath(article.path, image.src)
    if (from === null) {
      build.problem(
        article.path,
        `Image "${image.src}" points outside the workspace; move it into the article's folder.`,
        line,
      )
      continue
    }
    const dest = imageDestination(article.path, article.slug, from)
    const abs = path.join(build.source.root, from)
    const key = await fileKey(abs)
    build.images.add(from)
    if (key === null) {
      build.problem(
        article.path,
        `Image "${image.src}" was not found (looked for ${from}); add the file or fix the path.`,
        line,
      )
      continue
    }
    build.files.copy(dest.to, abs, key)
    try {
      const variants = await imageVariants(abs, dest.to, key, build.imageCacheDir)
      if (!variants) continue
      for (const file of variants.files) build.files.copy(file.to, file.from, `${key}:${file.to}`)
      item.images[dest.url] = {
        width: variants.width,
        height: variants.height,
        files: variants.files.map((f) => ({
          name: path.posix.basename(f.to),
          width: f.width,
          type: f.type,
        })),
      }
    } catch (err) {
      build.problem(
        article.path,
        `Image "${image.src}" could not be read as an image (${toFolioError(err).message}); it was copied without smaller sizes.`,
        line,
      )
    }
  }
}

/** The copy key of a file, or null when it is not a file. */
async function fileKey(abs: string): Promise<string | null> {
  try {
    const st = await fs.stat(abs)
    return st.isFile() ? `copy:${abs}:${st.size}:${st.mtimeMs}` : null
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw err
  }
}

/** Reports each link of `item` to an article that does not exist. */
function reportMissingLinks(build: Build, item: BodyItem): void {
  for (const { href, looked } of item.links.missing) {
    build.problem(
      item.article.path,
      `Link "${href}" points to an article that does not exist or is not published (looked for ${looked}); fix the link or publish that article.`,
      linkLine(item.article.body, href, item.article.bodyStartLine),
    )
  }
}

/** Drops articles whose front matter is broken or whose slug is taken, reporting each. */
function usable(build: Build, articles: SourceArticle[], taken: Set<string>): SourceArticle[] {
  const out: SourceArticle[] = []
  for (const article of articles) {
    if (article.error) {
      build.problem(
        article.path,
        `${article.error.message} The article was left out of the site.`,
        article.error.line,
      )
      continue
    }
    if (taken.has(article.slug)) {
      build.problem(
        article.path,
        `Another article already uses the address "/${article.slug}/"; give this one a different file or folder name.`,
      )
      continue
    }
    taken.add(article.slug)
    out.push(article)
  }
  return out
}

function layoutOf(build: Build, item: BodyItem): string {
  const wanted = item.article.frontMatter.layout
  if (typeof wanted === 'string' && wanted !== '') {
    if (hasLayout(build.source.theme, wanted)) return wanted
    build.problem(
      item.article.path,
      `Layout "${wanted}" does not exist in theme "${build.source.theme.name}"; the default layout was used.`,
    )
  }
  return item.kind
}

function writeAliases(build: Build, article: SourceArticle): void {
  const aliases = article.frontMatter.aliases
  const list = Array.isArray(aliases) ? aliases : typeof aliases === 'string' ? [aliases] : []
  const target = absoluteUrl(build.source.site.baseUrl, routes.article(article.slug))
  for (const alias of list) {
    const route = typeof alias === 'string' ? aliasRoute(alias) : null
    if (route === null || build.files.has(routeFile(route))) {
      build.problem(
        article.path,
        `Alias "${String(alias)}" cannot become a redirect page (it is not a free path of this site).`,
      )
      continue
    }
    build.files.write(routeFile(route), redirectPage(target, article.title))
  }
}

/** What the workspace-level build passes down about the cache. */
interface CacheUse {
  /** Absolute cache folder (`<workspace>/.folio/cache`). */
  dir: string
  /** Key of everything the build was made from, recorded for the next build's quick check. */
  quickKey: string
}

async function isFolder(abs: string): Promise<boolean> {
  try {
    return (await fs.stat(abs)).isDirectory()
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return false
    throw toFolioError(err, abs)
  }
}

/** Builds the site from already-loaded sources into `options.outDir`; see `buildSite`. */
export async function buildSiteFrom(
  source: SiteSource,
  options: BuildOptions,
  cacheUse?: CacheUse,
): Promise<BuildReport> {
  const started = performance.now()
  const now = options.now ?? new Date()
  const outDir = path.resolve(options.outDir)
  const state = cacheUse ? await BuildCache.readState(cacheUse.dir) : null
  const previous = state && state.outDir === outDir && (await isFolder(outDir)) ? state.files : null
  const cache = await BuildCache.open(cacheUse?.dir ?? null)
  const build = new Build(source, options, cache, previous)
  build.imageCacheDir = cacheUse?.dir ?? path.join(source.root, '.folio', 'cache')
  const taken = new Set<string>(['tags', 'authors', 'archive', 'search', 'page', 'assets', 'media'])
  const pages = usable(build, source.pages, taken)
  const published = usable(
    build,
    source.articles.filter((a) => isPublished(a, { ...options, now })),
    taken,
  ).sort(newestFirst)
  const nav: NavPage[] = pages.map((p) => ({ title: p.title, slug: p.slug }))
  build.globalKey = hashOf(
    pipelineVersion,
    source.theme.name,
    JSON.stringify(source.theme.templates),
    JSON.stringify(source.site),
    JSON.stringify(nav),
    String(now.getUTCFullYear()),
  )

  const all = [...published, ...pages]
  const keys = await renderNewBodies(build, all)
  const slugByPath = new Map(all.map((a) => [a.path, a.slug]))
  const sitePath = siteView(source.site, { route: '', absoluteRoot: true }).root
  const items: BodyItem[] = all.map((article, i) => {
    const meta = cache.meta(keys[i]) as BodyMeta
    const root = rootFrom(routes.article(article.slug))
    return {
      article,
      kind: i < published.length ? 'article' : 'page',
      key: keys[i],
      meta,
      links: resolveLinks(article.path, meta.links, root, slugByPath, sitePath),
      images: {},
    }
  })
  for (const item of items) {
    await addImages(build, item)
    reportMissingLinks(build, item)
    if (item.meta.hasMath) build.hasMath = true
  }

  const related = relatedArticles(published, 3, source.keywordsOf)
  await writeArticlePages(build, items, published, related, nav, now)

  const list: ListInput = {
    site: source.site,
    articles: published,
    pages: nav,
    pageSize: source.pageSize,
    now,
  }
  const planned: PlannedPage[] = [
    ...homePages(list),
    ...tagPages(list),
    ...authorPages(list),
    archivePage(list),
    searchPage(list),
    notFoundPage(list),
  ]
  for (const page of planned) {
    const template = `themes/${source.theme.name}/layouts/${page.layout}.liquid`
    if (
      (await build.renderTo(page.route, page.layout, page.context, template)) &&
      page.context.page.kind !== '404' &&
      page.context.page.kind !== 'search'
    ) {
      build.sitemap.push({ route: page.route })
    }
  }
  for (const item of items) writeAliases(build, item.article)

  const articleItems = items.slice(0, published.length)
  await writeFeeds(build, articleItems.slice(0, 20), now)
  await writeSearchIndex(build, articleItems)
  build.files.write('sitemap.xml', sitemapXml(source.site.baseUrl, build.sitemap))
  build.files.write('robots.txt', robotsTxt(source.site.baseUrl))
  if (source.themeDir)
    await copyFolder(build.files, path.join(source.themeDir, 'assets'), 'assets/')
  if (build.hasMath) await copyKatexAssets(build.files)
  await copyStatic(build)
  checkSitePaths(build, items)

  if (cacheUse) await BuildCache.clearState(cacheUse.dir)
  if (previous) await updateSite(outDir, build.files, previous)
  else await writeSiteAtomically(outDir, build.files)
  if (cacheUse) {
    await cache.save(new Set(keys))
    await BuildCache.writeState(cacheUse.dir, {
      version: pipelineVersion,
      quickKey: cacheUse.quickKey,
      nextChange: nextChange(source.articles, options, now),
      outDir,
      files: Object.fromEntries(build.files.keys),
      pages: build.pageCount,
      problems: build.problems,
      images: [...build.images].sort(),
    })
  }
  return {
    outDir: options.outDir,
    pages: build.pageCount,
    files: build.files.size,
    durationMs: Math.round(performance.now() - started),
    problems: build.problems,
  }
}

/** When the next scheduled article goes live (ms), so a rebuild then is not skipped; null if none. */
function nextChange(articles: SourceArticle[], options: BuildOptions, now: Date): number | null {
  if (options.drafts) return null
  let next: number | null = null
  for (const article of articles) {
    const time = article.draft ? null : parseDate(article.date)?.getTime()
    if (time && time > now.getTime() && (next === null || time < next)) next = time
  }
  return next
}

async function writeArticlePages(
  build: Build,
  items: BodyItem[],
  published: SourceArticle[],
  related: Map<string, ArticleInput[]>,
  nav: NavPage[],
  now: Date,
): Promise<void> {
  for (const [i, item] of items.entries()) {
    const isArticle = item.kind === 'article'
    const article = item.article
    const context = articlePageContext({
      article,
      // The body's key stands for its HTML until the page has to be rendered.
      html: item.key,
      headings: [],
      site: build.source.site,
      pages: nav,
      kind: item.kind,
      related: isArticle ? related.get(article.path) : undefined,
      prev: isArticle ? (published[i - 1] ?? null) : undefined,
      next: isArticle ? (published[i + 1] ?? null) : undefined,
      imageUrl: (src) => siteImageUrl(article.path, article.slug, src),
      now,
    })
    const view = context.article as ArticleView
    view.hasMath = item.meta.hasMath
    const linksKey = JSON.stringify(item.links.rewrites)
    view.html = `${item.key}:${linksKey}:${JSON.stringify(item.images)}`
    const route = routes.article(article.slug)
    const prepare = async (ctx: PageContext): Promise<void> => {
      const body = await build.cache.body(item.key)
      const view = ctx.article as ArticleView
      view.html = await build.bodyHtml(item)
      view.headings = body?.headings ?? renderBody({ ...article }).headings
    }
    if (await build.renderTo(route, layoutOf(build, item), context, article.path, prepare)) {
      const lastmod = isArticle ? view.updatedIso || view.dateIso || undefined : undefined
      build.sitemap.push({ route, lastmod })
    }
  }
}

async function writeFeeds(build: Build, items: BodyItem[], now: Date): Promise<void> {
  const { site } = build.source
  // "now" stands in for missing dates, so it is an input only when some date is missing.
  const usesNow = items.length === 0 || items.some((i) => parseDate(i.article.date) === null)
  const key = hashOf(
    JSON.stringify(site),
    JSON.stringify(items.map((i) => [i.article, i.key, i.links.rewrites])),
    usesNow ? now.toISOString() : '',
  )
  const files = [routes.rss(), routes.atom(), routes.jsonFeed()]
  if (files.every((file) => build.unchanged(file, key))) {
    for (const file of files) build.files.keep(file, key)
    return
  }
  const entries = []
  for (const item of items)
    entries.push({ article: item.article, html: await build.bodyHtml(item, false) })
  for (const [file, text] of buildFeeds(site, entries, now)) build.files.write(file, text, key)
}

async function writeSearchIndex(build: Build, items: BodyItem[]): Promise<void> {
  const file = routes.searchIndex()
  const key = hashOf(
    JSON.stringify(
      items.map(({ article: a, key }) => [a.title, a.slug, a.date, a.description, a.tags, key]),
    ),
  )
  if (build.unchanged(file, key)) {
    build.files.keep(file, key)
    return
  }
  const texts = await build.cache.textsOf(items.map((i) => i.key))
  const entries = []
  for (const item of items) {
    const text = texts.get(item.key) ?? searchText(await build.bodyHtml(item, false))
    entries.push({ article: item.article, text })
  }
  build.files.write(file, searchIndexJson(entries), key)
}

/** Reports root-absolute links (`/about/`) in articles that match no file of the site. */
function checkSitePaths(build: Build, items: BodyItem[]): void {
  for (const item of items) {
    for (const { href, file } of item.links.sitePaths) {
      if (build.files.has(file) || build.files.has(`${file}/index.html`)) continue
      build.problem(
        item.article.path,
        `Link "${href}" points to a page this site does not have; fix the link.`,
        linkLine(item.article.body, href, item.article.bodyStartLine),
      )
    }
  }
}

/** The workspace's `static/` folder is copied to the site root, without replacing built pages. */
async function copyStatic(build: Build): Promise<void> {
  const staticFiles = new SiteFiles()
  await copyFolder(staticFiles, path.join(build.source.root, 'static'), '')
  for (const [to, from] of staticFiles.copied) {
    if (build.files.has(to))
      build.problem(
        `static/${to}`,
        `static/${to} has the same path as a built page and was not copied.`,
      )
    else build.files.copy(to, from)
  }
}

/** The key of everything a workspace build reads, from stamps only (no file is parsed). */
async function quickKey(
  ws: Workspace,
  theme: ThemeBundle,
  themeDir: string,
  stamps: Awaited<ReturnType<typeof statSources>>,
  images: string[],
  options: BuildOptions & { now: Date },
): Promise<string> {
  const folders = [path.join(themeDir, 'assets'), path.join(ws.root, 'static')]
  const copies = (
    await Promise.all(
      folders.map((dir) => filesUnder(dir).then((rels) => rels.map((rel) => path.join(dir, rel)))),
    )
  ).flat()
  const copyKeys = await Promise.all(
    [...copies, ...images.map((rel) => path.join(ws.root, rel))].map((abs) => fileKey(abs)),
  )
  return hashOf(
    pipelineVersion,
    JSON.stringify(theme),
    JSON.stringify(ws.config),
    JSON.stringify(ws.configError ?? null),
    String(Boolean(options.drafts)),
    String(options.now.getUTCFullYear()),
    JSON.stringify(stamps.map((s) => [s.path, s.kind, s.stamp])),
    JSON.stringify(copyKeys),
  )
}

/**
 * Builds the workspace's site into `options.outDir`: home pages, one page per published article
 * at `/<slug>/`, static pages, tag/author/archive pages, feeds, sitemap, search index, theme
 * assets. Article and template problems land in `report.problems`. The build cache in
 * `.folio/cache` makes a rebuild cost what changed: with nothing changed it writes nothing, and
 * only files whose inputs changed are rewritten (all of them staged before any replaces the old).
 */
export async function buildSite(ws: Workspace, options: BuildOptions): Promise<BuildReport> {
  const started = performance.now()
  checkOutDir(options.outDir, ws.root)
  const now = options.now ?? new Date()
  const outDir = path.resolve(options.outDir)
  const cacheDir = path.join(ws.root, '.folio', 'cache')
  const location = await locateTheme(ws)
  const [theme, stamps, state] = await Promise.all([
    readThemeBundle(location),
    statSources(ws),
    BuildCache.readState(cacheDir),
  ])
  const key = await quickKey(ws, theme, location.dir, stamps, state?.images ?? [], {
    ...options,
    now,
  })
  const configProblems: BuildProblem[] = ws.configError
    ? [
        {
          path: ws.configError.path ?? 'folio.yaml',
          line: ws.configError.line,
          message: ws.configError.message,
        },
      ]
    : []
  if (
    state &&
    state.quickKey === key &&
    state.outDir === outDir &&
    (state.nextChange === null || now.getTime() < state.nextChange) &&
    (await isFolder(outDir))
  ) {
    return {
      outDir: options.outDir,
      pages: state.pages,
      files: Object.keys(state.files).length,
      durationMs: Math.round(performance.now() - started),
      problems: [...configProblems, ...state.problems],
    }
  }
  const before = await BuildCache.readSources(cacheDir)
  const loaded = await loadSources(ws, stamps, before)
  const report = await buildSiteFrom(
    {
      root: ws.root,
      site: { ...ws.config, themeSettings: ws.config.themeSettings },
      pageSize: ws.config.pageSize,
      theme,
      themeDir: location.dir,
      articles: loaded.articles,
      pages: loaded.pages,
      keywordsOf: (article) =>
        loaded.entries.get(article.path)?.keywords ?? articleKeywords(article),
    },
    { ...options, now },
    { dir: cacheDir, quickKey: key },
  )
  if (
    [...loaded.entries].some(([rel, entry]) => before.get(rel) !== entry) ||
    before.size !== loaded.entries.size
  )
    await BuildCache.writeSources(cacheDir, loaded.entries)
  report.problems.unshift(...configProblems)
  report.durationMs = Math.round(performance.now() - started)
  return report
}

export { loadTheme }
