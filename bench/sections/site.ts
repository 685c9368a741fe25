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
import { timeRuns } from '../stats'

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

async function measureFolio(ctx: BenchContext, fixture: SiteFixture) {
  const { buildSite } = await import('../../src/core/site')
  const { openWorkspace } = await import('../../src/core/workspace')
  let report: BuildReport | undefined
  const build: Build = async () =>
    (report = await buildSite(await openWorkspace(fixture.root), { outDir: fixture.outDir }))
  const coldRuns = ctx.quick ? 1 : 3
  let settled: DiskSettling | null = null
  const seconds = async (work: () => Promise<unknown>) => {
    const started = performance.now()
    await work()
    return (performance.now() - started) / 1000
  }
  ctx.log(`site: Folio cold build (1 warm-up + up to ${coldRuns})`)
  const cold = await timeRuns(
    coldRuns,
    1,
    async () => {
      await rm(fixture.outDir, { recursive: true, force: true })
      await rm(path.join(fixture.root, '.folio'), { recursive: true, force: true })
      settled = await settleDisk()
      return seconds(build)
    },
    ctx.budgetS * 1.5,
  )
  fixture.built = true
  const built = report!
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
    coldBuildS: cold,
    coldRunsStartFrom: settled,
    noChangeRebuildS: noChange,
    oneArticleChangedRebuildS: oneChanged,
    changedPageShowsEdit: await pageShows(fixture.outDir, article.slug, marker),
  }
}

async function measureHugo(ctx: BenchContext, fixture: SiteFixture) {
  const version = await hugoVersion()
  if (!version) return { hugo: null, note: 'hugo is not on the PATH; install it to compare' }
  const root = path.join(ctx.tmpRoot, 'hugo-4000')
  const outDir = path.join(ctx.tmpRoot, 'hugo-4000-out')
  await writeHugoSite(root, fixture.articles, {
    title: 'Benchmark Blog',
    baseUrl: 'https://blog.example.com/',
  })
  const coldRuns = ctx.quick ? 1 : 3
  let settled: DiskSettling | null = null
  ctx.log(`site: Hugo cold build (1 warm-up + up to ${coldRuns})`)
  const cold = await timeRuns(
    coldRuns,
    1,
    async () => {
      await rm(outDir, { recursive: true, force: true })
      await rm(path.join(root, 'resources'), { recursive: true, force: true })
      settled = await settleDisk()
      const started = performance.now()
      await runHugo(root, outDir)
      return (performance.now() - started) / 1000
    },
    ctx.budgetS,
  )
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  ).length
  await rm(root, { recursive: true, force: true })
  await rm(outDir, { recursive: true, force: true })
  return { hugo: version, files, coldBuildS: cold, coldRunsStartFrom: settled }
}

/** The site section. */
export const siteSection: BenchSection = {
  name: 'site',
  description:
    'buildSite on 4,000 articles: cold, no-change, one-article-changed; Hugo cold on the same content',
  async run(ctx) {
    const fixture = await siteFixture(ctx)
    const folio = await measureFolio(ctx, fixture)
    const hugo = await measureHugo(ctx, fixture)
    const ratio =
      'coldBuildS' in hugo && hugo.coldBuildS
        ? folio.coldBuildS.median / hugo.coldBuildS.median
        : null
    return {
      articles: siteArticleCount,
      wordsPerArticle: 300,
      folio,
      hugo,
      folioOverHugoCold: ratio === null ? null : Number(ratio.toPrecision(3)),
    }
  },
}
