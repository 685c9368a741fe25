/**
 * Publish section: first and no-change publish of the built 4,000-article site to a folder and to
 * a local S3-protocol server (s3rver in a process of its own on 127.0.0.1, as a real store would be), and a publish after one article
 * changed. Each first publish goes to a fresh target, so none of them is helped by an earlier one.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import type { PublishReport } from '../../src/core/api'
import type { BenchContext, BenchSection } from '../benchContext'
import { startLocalS3, type LocalS3 } from '../s3Server'
import { builtSiteFixture, type SiteFixture } from '../siteFixture'
import { summarize, timeRuns } from '../stats'

type Kind = 'folder' | 's3'

function targetConfig(
  ctx: BenchContext,
  kind: Kind,
  i: number,
  s3: LocalS3,
): Record<string, unknown> {
  const name = `${kind}-${i}`
  if (kind === 'folder')
    return { name, type: 'folder', path: path.join(ctx.tmpRoot, 'published', name) }
  return {
    name,
    type: 's3',
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket: `bench-${i}`,
    pathStyle: true,
  }
}

/** Adds the bench's publish targets to the fixture's folio.yaml. */
async function addTargets(fixture: SiteFixture, targets: Record<string, unknown>[]): Promise<void> {
  const file = path.join(fixture.root, 'folio.yaml')
  const config = parse(await readFile(file, 'utf8')) as Record<string, unknown>
  await writeFile(file, stringify({ ...config, publish: targets }))
}

const uploads = (report: PublishReport): number => report.added.length + report.changed.length

async function measureTarget(
  ctx: BenchContext,
  fixture: SiteFixture,
  kind: Kind,
  firstRuns: number,
  s3: LocalS3,
) {
  const { publishSite } = await import('../../src/core/publish')
  const { buildSite } = await import('../../src/core/site')
  const { openWorkspace } = await import('../../src/core/workspace')
  const secrets = async (_target: string, key: string) =>
    key === 'accessKeyId'
      ? s3.accessKeyId
      : key === 'secretAccessKey'
        ? s3.secretAccessKey
        : undefined
  const publish = async (name: string) => {
    const started = performance.now()
    const report = await publishSite(await openWorkspace(fixture.root), name, {
      siteDir: fixture.outDir,
      secrets,
    })
    return { report, seconds: (performance.now() - started) / 1000 }
  }
  ctx.log(`publish: ${kind} first publish ×${firstRuns}`)
  const first: number[] = []
  let firstReport: PublishReport | undefined
  for (let i = 1; i <= firstRuns; i++) {
    const { report, seconds } = await publish(`${kind}-${i}`)
    first.push(seconds)
    firstReport ??= report
  }
  ctx.log(`publish: ${kind} no-change publish (1 warm-up + up to ${ctx.runs})`)
  const sentPerRun: number[] = []
  const sentPaths = new Set<string>()
  const noChange = await timeRuns(
    ctx.runs,
    1,
    async () => {
      const { report, seconds } = await publish(`${kind}-1`)
      sentPerRun.push(uploads(report) + report.removed.length)
      for (const file of [...report.added, ...report.changed, ...report.removed])
        sentPaths.add(file)
      return seconds
    },
    ctx.budgetS,
  )
  ctx.log(`publish: ${kind} after one article changed`)
  const article = fixture.articles[fixture.articles.length - 1]
  await appendFile(
    path.join(fixture.root, 'posts', `${article.slug}.md`),
    `\nPublished edit for ${kind}.\n`,
  )
  await buildSite(await openWorkspace(fixture.root), { outDir: fixture.outDir })
  const changed = await publish(`${kind}-1`)
  return {
    location: firstReport!.location,
    firstPublishS: summarize(first),
    firstPublishFiles: uploads(firstReport!),
    firstPublishMiB: Math.round((firstReport!.bytes / 1024 ** 2) * 10) / 10,
    noChangePublishS: noChange,
    /** Files sent or removed by each no-change publish, warm-up first: all should be 0. */
    noChangeFilesSentPerRun: sentPerRun,
    noChangeFilesSentExamples: [...sentPaths].slice(0, 10),
    oneArticleChangedPublishS: Number(changed.seconds.toPrecision(4)),
    oneArticleChangedFilesSent: uploads(changed.report),
    oneArticleChangedFilesRemoved: changed.report.removed.length,
  }
}

/** The publish section. */
export const publishSection: BenchSection = {
  name: 'publish',
  description:
    'first and no-change publish of the built 4,000-article site to a folder and to local S3',
  async run(ctx) {
    const fixture = await builtSiteFixture(ctx)
    const firstRuns = ctx.quick ? 1 : 3
    const buckets = Array.from({ length: firstRuns }, (_, i) => `bench-${i + 1}`)
    const s3 = await startLocalS3(path.join(ctx.tmpRoot, 's3rver'), buckets)
    try {
      const kinds: Kind[] = ['folder', 's3']
      await addTargets(
        fixture,
        kinds.flatMap((kind) => buckets.map((_, i) => targetConfig(ctx, kind, i + 1, s3))),
      )
      const results: Record<string, unknown> = {}
      for (const kind of kinds) {
        try {
          results[kind] = await measureTarget(ctx, fixture, kind, firstRuns, s3)
        } catch (err) {
          ctx.log(`publish: ${kind} failed: ${err instanceof Error ? err.message : String(err)}`)
          results[kind] = { error: err instanceof Error ? err.message : String(err) }
        }
      }
      return results
    } finally {
      await s3.close()
    }
  },
}
