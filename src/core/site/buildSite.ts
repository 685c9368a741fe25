/**
 * `buildSite`: turns a workspace into a complete static blog in `outDir`. Problems in single
 * articles or templates are reported with file and line while everything else is still built;
 * the output folder is replaced in one step at the end.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { BuildProblem, BuildReport, ThemeBundle } from '../api'
import { isFolioError, toFolioError } from '../errors'
import { renderMarkdown } from '../markdown'
import { loadArticles, loadPages, type Workspace } from '../workspace'
import { imageDestination, imageSourcePath } from './articleImages'
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
import { isPublished, newestFirst } from './publishedArticles'
import { aliasRoute, redirectPage } from './redirectPage'
import { relatedArticles } from './relatedArticles'
import { articlePageContext } from './render/pageContext'
import { hasLayout, renderPage } from './render/renderPage'
import { absoluteUrl, routeFile, routes } from './render/routes'
import type { NavPage } from './render/siteView'
import type { ArticleInput, SiteInput } from './render/viewTypes'
import { searchIndexJson } from './searchIndex'
import { checkOutDir, SiteFiles, writeSiteAtomically } from './siteFiles'
import { robotsTxt, sitemapXml, type SitemapEntry } from './sitemap'
import { copyFolder, copyKatexAssets } from './staticFiles'

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
}

interface RenderedArticle {
  article: SourceArticle
  html: string
  headings: ReturnType<typeof renderMarkdown>['headings']
  kind: 'article' | 'page'
  imageUrl: (src: string) => string
}

class Build {
  readonly files = new SiteFiles()
  readonly problems: BuildProblem[] = []
  readonly sitemap: SitemapEntry[] = []
  pageCount = 0
  hasMath = false

  constructor(
    readonly source: SiteSource,
    readonly options: BuildOptions,
  ) {}

  problem(path: string, message: string, line?: number): void {
    this.problems.push(line === undefined ? { path, message } : { path, line, message })
  }

  fail(err: unknown, fallbackPath: string): void {
    const error = toFolioError(err, fallbackPath)
    this.problem(error.path ?? fallbackPath, error.message, error.line)
  }

  renderTo(route: string, layout: string, context: object, sourcePath: string): boolean {
    try {
      const html = renderPage(this.source.theme, layout, context)
      this.files.write(routeFile(route), html)
      this.pageCount++
      return true
    } catch (err) {
      this.fail(err, sourcePath)
      return false
    }
  }
}

/** Renders one article's body, mapping its images into the site and reporting missing ones. */
async function renderArticle(
  build: Build,
  article: SourceArticle,
  kind: 'article' | 'page',
): Promise<RenderedArticle> {
  const imageUrl = (src: string): string => {
    const from = imageSourcePath(article.path, src)
    if (from === null) return src
    const dest = imageDestination(article.path, article.slug, from)
    build.files.copy(dest.to, path.join(build.source.root, from))
    return dest.url
  }
  const rendered = renderMarkdown(article.body, { imageUrl })
  for (const image of rendered.images) {
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
    if (!(await isFile(path.join(build.source.root, from)))) {
      const dest = imageDestination(article.path, article.slug, from)
      build.files.copied.delete(dest.to)
      build.problem(
        article.path,
        `Image "${image.src}" was not found (looked for ${from}); add the file or fix the path.`,
        line,
      )
    }
  }
  if (rendered.html.includes('class="katex"')) build.hasMath = true
  return {
    article,
    html: rendered.html,
    headings: rendered.headings,
    kind,
    imageUrl,
  }
}

async function isFile(abs: string): Promise<boolean> {
  try {
    return (await fs.stat(abs)).isFile()
  } catch (err) {
    if (
      (err as { code?: string }).code === 'ENOENT' ||
      (err as { code?: string }).code === 'ENOTDIR'
    )
      return false
    throw err
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

function layoutOf(build: Build, item: RenderedArticle): string {
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

/** Builds the site from already-loaded sources into `options.outDir`; see `buildSite`. */
export async function buildSiteFrom(
  source: SiteSource,
  options: BuildOptions,
): Promise<BuildReport> {
  const started = performance.now()
  const now = options.now ?? new Date()
  const build = new Build(source, options)
  const taken = new Set<string>(['tags', 'authors', 'archive', 'search', 'page', 'assets', 'media'])
  const pages = usable(build, source.pages, taken)
  const published = usable(
    build,
    source.articles.filter((a) => isPublished(a, { ...options, now })),
    taken,
  ).sort(newestFirst)
  const nav: NavPage[] = pages.map((p) => ({ title: p.title, slug: p.slug }))

  const renderedArticles: RenderedArticle[] = []
  for (const article of published)
    renderedArticles.push(await renderArticle(build, article, 'article'))
  const renderedPages: RenderedArticle[] = []
  for (const page of pages) renderedPages.push(await renderArticle(build, page, 'page'))

  const related = relatedArticles(published)
  renderedArticles.forEach((item, i) => {
    const context = articlePageContext({
      article: item.article,
      html: item.html,
      headings: item.headings,
      site: source.site,
      pages: nav,
      related: related.get(item.article.path),
      prev: published[i - 1] ?? null,
      next: published[i + 1] ?? null,
      imageUrl: item.imageUrl,
      now,
    })
    const route = routes.article(item.article.slug)
    if (build.renderTo(route, layoutOf(build, item), context, item.article.path)) {
      build.sitemap.push({
        route,
        lastmod: context.article?.updatedIso || context.article?.dateIso || undefined,
      })
    }
  })
  for (const item of renderedPages) {
    const context = articlePageContext({
      article: item.article,
      html: item.html,
      headings: item.headings,
      site: source.site,
      pages: nav,
      kind: 'page',
      imageUrl: item.imageUrl,
      now,
    })
    const route = routes.article(item.article.slug)
    if (build.renderTo(route, layoutOf(build, item), context, item.article.path))
      build.sitemap.push({ route })
  }

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
      build.renderTo(page.route, page.layout, page.context, template) &&
      page.context.page.kind !== '404' &&
      page.context.page.kind !== 'search'
    ) {
      build.sitemap.push({ route: page.route })
    }
  }
  for (const item of [...renderedArticles, ...renderedPages]) writeAliases(build, item.article)

  const entries = renderedArticles.map((r) => ({
    article: r.article,
    html: r.html,
  }))
  for (const [file, text] of buildFeeds(source.site, entries.slice(0, 20), now))
    build.files.write(file, text)
  build.files.write(routes.searchIndex(), searchIndexJson(entries))
  build.files.write('sitemap.xml', sitemapXml(source.site.baseUrl, build.sitemap))
  build.files.write('robots.txt', robotsTxt(source.site.baseUrl))
  if (source.themeDir)
    await copyFolder(build.files, path.join(source.themeDir, 'assets'), 'assets/')
  if (build.hasMath) await copyKatexAssets(build.files)
  await copyStatic(build)

  await writeSiteAtomically(options.outDir, build.files)
  return {
    outDir: options.outDir,
    pages: build.pageCount,
    files: build.files.size,
    durationMs: Math.round(performance.now() - started),
    problems: build.problems,
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

/**
 * Builds the workspace's site into `options.outDir`: home pages, one page per published article
 * at `/<slug>/`, static pages, tag/author/archive pages, feeds, sitemap, search index, theme
 * assets. Article and template problems land in `report.problems`; the old output is replaced
 * only when the whole site has been written.
 */
export async function buildSite(ws: Workspace, options: BuildOptions): Promise<BuildReport> {
  checkOutDir(options.outDir, ws.root)
  const location = await locateTheme(ws)
  const [theme, articles, pages] = await Promise.all([
    readThemeBundle(location),
    loadArticles(ws),
    loadPages(ws),
  ])
  const report = await buildSiteFrom(
    {
      root: ws.root,
      site: { ...ws.config, themeSettings: ws.config.themeSettings },
      pageSize: ws.config.pageSize,
      theme,
      themeDir: location.dir,
      articles: articles.map(toSource),
      pages: pages.map(toSource),
    },
    options,
  )
  if (ws.configError) {
    report.problems.unshift({
      path: ws.configError.path ?? 'folio.yaml',
      line: ws.configError.line,
      message: ws.configError.message,
    })
  }
  return report
}

function toSource(article: Awaited<ReturnType<typeof loadArticles>>[number]): SourceArticle {
  const error =
    article.error && isFolioError(article.error)
      ? { message: article.error.message, line: article.error.line }
      : undefined
  return { ...article, error }
}

export { loadTheme }
