/**
 * `buildSite`: turns a workspace into a complete static blog in `outDir`, or answers from the
 * last build when nothing it reads has changed.
 */
import path from 'node:path'
import type { BuildProblem } from '../api'
import type { Workspace } from '../workspace'
import { BuildCache } from './buildCache'
import { buildSiteFrom, type SiteBuildReport } from './buildSiteFrom'
import { loadSources, statSources } from './loadSources'
import { loadTheme, locateTheme, readThemeBundle } from './loadTheme'
import { quickKey, unchangedReport } from './quickCheck'
import { warmUpRenderWorkers } from './renderBodies'
import { checkOutDir } from './siteFiles'
import type { BuildOptions } from './siteSource'

export { buildSiteFrom } from './buildSiteFrom'
export type { SiteBuildReport } from './buildSiteFrom'
export type { BuildOptions, SiteSource, SourceArticle } from './siteSource'

/**
 * Builds the workspace's site into `options.outDir`: home pages, one page per published article
 * at `/<slug>/`, static pages, tag/author/archive pages, feeds, sitemap, search index, theme
 * assets. Article and template problems land in `report.problems`. The build cache in
 * `.folio/cache` makes a rebuild cost what changed: with nothing changed it writes nothing, and
 * only files whose inputs changed are rewritten (all of them staged before any replaces the old).
 */
export async function buildSite(ws: Workspace, options: BuildOptions): Promise<SiteBuildReport> {
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
  const unchanged = await unchangedReport(state, key, outDir, now, configProblems)
  if (unchanged) {
    return {
      outDir: options.outDir,
      ...unchanged,
      durationMs: Math.round(performance.now() - started),
    }
  }
  const before = await BuildCache.readSources(cacheDir)
  // NOTE: with no parsed sources cached, every body will be rendered: the render workers start
  // now, so that their start overlaps reading the sources.
  if (before.size === 0) warmUpRenderWorkers(stamps.length)
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
      factsOf: (article) => {
        const entry = loaded.entries.get(article.path)
        return entry?.article === article ? entry.facts : undefined
      },
    },
    { ...options, now },
    { dir: cacheDir, quickKey: key },
  )
  await BuildCache.writeSources(cacheDir, loaded.entries, before)
  report.problems.unshift(...configProblems)
  report.durationMs = Math.round(performance.now() - started)
  return report
}

export { loadTheme }
