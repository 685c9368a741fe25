/**
 * `buildSiteFrom`: builds a site from already-loaded sources. Problems in single articles or
 * templates are reported with file and line while everything else is still built; the output
 * folder is replaced in one step (or, after an earlier build, updated file by file) at the end.
 */
import path from 'node:path'
import type { BuildReport } from '../api'
import { toFolioError } from '../errors'
import { writeAliases } from './articlePages'
import { checkSitePaths, startBodies, usableArticles } from './bodyItems'
import { BuildCache } from './buildCache'
import { pruneImageVariants } from './imageVariants'
import { isPublished, newestFirst } from './publishedArticles'
import { isInside } from '../workspace/paths'
import { isFolder } from './quickCheck'
import { articleKeywords } from './relatedArticles'
import { relatedArticlesSince } from './relatedSince'
import { pipelineVersion } from './renderBody'
import { planListPages } from './renderListPage'
import { renderSitePages } from './renderSitePages'
import { parseDate } from './render/formatDate'
import type { NavPage } from './render/siteView'
import { hashOf, SiteBuild } from './siteBuild'
import { SiteFiles, updateSite, writeSiteAtomically } from './siteFiles'
import { writeFeeds, writeSearchIndex, writeSitemap } from './siteIndexes'
import type { BuildOptions, SiteSource, SourceArticle } from './siteSource'
import { copyFolder, copyKatexAssets } from './staticFiles'

/** What the workspace-level build passes down about the cache. */
export interface CacheUse {
  /** Absolute cache folder (`<workspace>/.folio/cache`). */
  dir: string
  /** Key of everything the build was made from, recorded for the next build's quick check. */
  quickKey: string
}

/** A build report with remarks that are not problems (how the build ran). */
export interface SiteBuildReport extends BuildReport {
  /** E.g. "Rendered on one thread: ..." when worker threads could not start; absent when none. */
  notes?: string[]
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

/** The workspace's `static/` folder is copied to the site root, without replacing built pages. */
async function copyStatic(build: SiteBuild): Promise<void> {
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
 * Removes image variants no build has used for two weeks (see `pruneImageVariants`). A cache
 * that cannot be tidied costs disk space, not the build: the reason becomes a note.
 */
async function pruneVariants(build: SiteBuild): Promise<void> {
  const images = path.join(build.imageCacheDir, 'images') + path.sep
  const used = new Set([...build.files.copied.values()].filter((from) => from.startsWith(images)))
  try {
    await pruneImageVariants(build.imageCacheDir, used)
  } catch (err) {
    const error = toFolioError(err)
    build.notes.push(
      `Old image sizes in ${error.path ?? images} could not be removed (${error.message}); they only take disk space.`,
    )
  }
}

/** Builds the site from already-loaded sources into `options.outDir`; see `buildSite`. */
export async function buildSiteFrom(
  source: SiteSource,
  options: BuildOptions,
  cacheUse?: CacheUse,
): Promise<SiteBuildReport> {
  const started = performance.now()
  const now = options.now ?? new Date()
  const outDir = path.resolve(options.outDir)
  const lastBuild = cacheUse ? await BuildCache.readRecord(cacheUse.dir) : null
  const state = BuildCache.current(lastBuild)
  const previous = state && state.outDir === outDir && (await isFolder(outDir)) ? state.files : null
  // A folder Folio owns (under .folio/) or recorded building is its to replace, marker or not.
  const folioBuilt =
    isInside(path.join(source.root, '.folio'), outDir) || lastBuild?.outDir === outDir
  const cache = await BuildCache.open(cacheUse?.dir ?? null)
  const build = new SiteBuild(source, options, cache, previous)
  build.imageCacheDir = cacheUse?.dir ?? path.join(source.root, '.folio', 'cache')
  const taken = new Set<string>(['tags', 'authors', 'archive', 'search', 'page', 'assets', 'media'])
  const pages = usableArticles(build, source.pages, taken)
  const published = usableArticles(
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
  const bodies = startBodies(build, all)
  const planned = planListPages({
    site: source.site,
    articles: published,
    pages: nav,
    pageSize: source.pageSize,
    now,
    readingMinutesOf: build.readingMinutesOf,
  })
  const { related, record, changed } = relatedArticlesSince(
    cacheUse ? await BuildCache.readRelated(cacheUse.dir) : null,
    published,
    3,
    (article) => source.factsOf?.(article)?.keywords ?? articleKeywords(article),
  )
  const items = await renderSitePages(build, pages, bodies, planned, {
    published,
    related,
    nav,
    now,
  })
  const keys = bodies.keys
  for (const item of items) writeAliases(build, item.article)

  const articleItems = items.slice(0, published.length)
  await writeFeeds(build, articleItems.slice(0, 20), now)
  await writeSearchIndex(build, articleItems)
  writeSitemap(build)
  if (source.themeDir)
    await copyFolder(build.files, path.join(source.themeDir, 'assets'), 'assets/')
  if (build.hasMath) await copyKatexAssets(build.files)
  await copyStatic(build)
  checkSitePaths(build, items)

  if (cacheUse) await BuildCache.clearState(cacheUse.dir)
  if (previous) await updateSite(outDir, build.files, previous)
  else await writeSiteAtomically(outDir, build.files, { folioBuilt })
  if (cacheUse) {
    await Promise.all([
      cache.save(new Set(keys)),
      changed ? BuildCache.writeRelated(cacheUse.dir, record) : null,
    ])
    await BuildCache.writeState(cacheUse.dir, {
      version: pipelineVersion,
      quickKey: cacheUse.quickKey,
      nextChange: nextChange(source.articles, options, now),
      outDir,
      files: Object.fromEntries(build.files.keys),
      pages: build.pageCount,
      // Copies: the report's problems are the caller's, and the state is kept for later reads.
      problems: build.problems.map((problem) => ({ ...problem })),
      images: [...build.images].sort(),
    })
    await pruneVariants(build)
  }
  const report: SiteBuildReport = {
    outDir: options.outDir,
    pages: build.pageCount,
    files: build.files.size,
    durationMs: Math.round(performance.now() - started),
    problems: build.problems,
  }
  if (build.notes.length) report.notes = build.notes
  return report
}
