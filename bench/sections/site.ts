/**
 * Site section: `buildSite` on the generated 4,000-article blog, cold (no cache, no output), with
 * nothing changed, and with one article changed; and Hugo on the same Markdown when installed.
 */
import { appendFile, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { BuildReport } from '../../src/core/api'
import type { BenchContext, BenchSection } from '../benchContext'
import { hugoVersion, runHugo, writeHugoSite } from '../hugoSite'
import { settleDisk, type DiskSettling } from '../settleDisk'
import { siteFixture, siteArticleCount, type SiteFixture } from '../siteFixture'
import { summarize, timeRuns } from '../stats'

type Build = () => Promise<BuildReport>

async function htmlFilesNamed(dir: string, part: string, rel = ''): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...(await htmlFilesNamed(dir, part, child)))
    else if (entry.name.endsWith('.html') && child.includes(part)) found.push(child)
  }
  return found
}

/** Whether the built page of the article `slug` shows `marker` (or 'page not found'). */
async function pageShows(
  outDir: string,
  slug: string,
  marker: string,
): Promise<boolean | 'page not found'> {
  const pages = await htmlFilesNamed(outDir, slug)
  if (pages.length === 0) return 'page not found'
  for (const page of pages)
    if ((await readFile(path.join(outDir, page), 'utf8')).includes(marker)) return true
  return false
}

/** One cold run: everything from the last run deleted, the disk settled; resolves seconds. */
type ColdRun = () => Promise<number>

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await work()
  return (performance.now() - started) / 1000
}

/**
 * Folio's and Hugo's cold builds, one after the other in turns (a warm-up of each, then the
 * measured pairs), so that a machine whose speed drifts during the run (this one's does, by
 * more than half) slows both alike instead of whichever ran second.
 */
async function coldBuilds(ctx: BenchContext, folio: ColdRun, hugo: ColdRun | null) {
  const runs = ctx.quick ? 1 : 3
  ctx.log(`site: cold builds, Folio${hugo ? ' and Hugo in turns' : ''} (1 warm-up + ${runs})`)
  await folio()
  if (hugo) await hugo()
  const folioRuns: number[] = []
  const hugoRuns: number[] = []
  for (let i = 0; i < runs; i++) {
    folioRuns.push(await folio())
    if (hugo) hugoRuns.push(await hugo())
  }
  return { folio: summarize(folioRuns), hugo: hugo ? summarize(hugoRuns) : null }
}

/** Folio's builds of the fixture: cold (as a `ColdRun`), no-change and one-article-changed. */
async function folioBuilds(fixture: SiteFixture) {
  const { buildSite } = await import('../../src/core/site')
  const { openWorkspace } = await import('../../src/core/workspace')
  let report: BuildReport | undefined
  let settled: DiskSettling | null = null
  const build: Build = async () =>
    (report = await buildSite(await openWorkspace(fixture.root), { outDir: fixture.outDir }))
  const cold: ColdRun = async () => {
    await rm(fixture.outDir, { recursive: true, force: true })
    await rm(path.join(fixture.root, '.folio'), { recursive: true, force: true })
    settled = await settleDisk()
    const s = await seconds(build)
    fixture.built = true
    return s
  }
  return { build, cold, report: () => report, settled: () => settled }
}

async function measureRebuilds(
  ctx: BenchContext,
  fixture: SiteFixture,
  build: Build,
  built: BuildReport,
) {
  ctx.log('site: Folio no-change rebuilds')
  // No warm-up: the cold builds before warmed this process up.
  const noChange = await timeRuns(ctx.runs, 0, () => seconds(build), ctx.budgetS)
  ctx.log('site: Folio one-article-changed rebuilds')
  let edit = 0
  let marker = ''
  const article = fixture.articles[Math.floor(fixture.articles.length / 2)]
  const oneChanged = await timeRuns(
    ctx.runs,
    0,
    async () => {
      marker = `Benchmark edit number ${++edit}.`
      await appendFile(path.join(fixture.root, 'posts', `${article.slug}.md`), `\n${marker}\n`)
      return seconds(build)
    },
    ctx.budgetS,
  )
  return {
    pages: built.pages,
    files: built.files,
    problems: built.problems.length,
    firstProblems: built.problems.slice(0, 3),
    noChangeRebuildS: noChange,
    oneArticleChangedRebuildS: oneChanged,
    changedPageShowsEdit: await pageShows(fixture.outDir, article.slug, marker),
  }
}

/** Hugo on the fixture's Markdown, as a `ColdRun`, when `hugo` is installed; else null. */
async function hugoBuilds(ctx: BenchContext, fixture: SiteFixture) {
  const version = await hugoVersion()
  if (!version) return null
  const root = path.join(ctx.tmpRoot, 'hugo-4000')
  const outDir = path.join(ctx.tmpRoot, 'hugo-4000-out')
  await writeHugoSite(root, fixture.articles, {
    title: 'Benchmark Blog',
    baseUrl: 'https://blog.example.com/',
  })
  let settled: DiskSettling | null = null
  const cold: ColdRun = async () => {
    await rm(outDir, { recursive: true, force: true })
    await rm(path.join(root, 'resources'), { recursive: true, force: true })
    settled = await settleDisk()
    const started = performance.now()
    await runHugo(root, outDir)
    return (performance.now() - started) / 1000
  }
  const files = async () =>
    (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
      .length
  const cleanUp = async () => {
    await rm(root, { recursive: true, force: true })
    await rm(outDir, { recursive: true, force: true })
  }
  return { version, cold, files, cleanUp, settled: () => settled }
}

/** The site section. */
export const siteSection: BenchSection = {
  name: 'site',
  description:
    'buildSite on 4,000 articles: cold, no-change, one-article-changed; Hugo cold on the same content',
  async run(ctx) {
    const fixture = await siteFixture(ctx)
    const folio = await folioBuilds(fixture)
    const hugo = await hugoBuilds(ctx, fixture)
    const cold = await coldBuilds(ctx, folio.cold, hugo?.cold ?? null)
    const hugoResult = hugo
      ? {
          hugo: hugo.version,
          files: await hugo.files(),
          coldBuildS: cold.hugo,
          coldRunsStartFrom: hugo.settled(),
        }
      : { hugo: null, note: 'hugo is not on the PATH; install it to compare' }
    await hugo?.cleanUp()
    const rebuilds = await measureRebuilds(ctx, fixture, folio.build, folio.report()!)
    const ratio = cold.hugo ? cold.folio.median / cold.hugo.median : null
    return {
      articles: siteArticleCount,
      wordsPerArticle: 300,
      folio: {
        ...rebuilds,
        coldBuildS: cold.folio,
        coldRunsStartFrom: folio.settled(),
      },
      hugo: hugoResult,
      coldRunsInTurns: hugo !== null,
      folioOverHugoCold: ratio === null ? null : Number(ratio.toPrecision(3)),
    }
  },
}
