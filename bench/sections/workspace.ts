/**
 * Workspace section: opening and listing a generated 10,000-article workspace, in seconds, with
 * the memory the listing takes.
 */
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ArticleSummary } from '../../src/core/api'
import { listArticles, openWorkspace } from '../../src/core/workspace'
import type { BenchSection } from '../benchContext'
import { generateWorkspace } from '../generate'
import { measureMemory } from '../memorySampler'
import { timeRuns } from '../stats'

const articleCount = 10_000

async function openAndList(root: string): Promise<ArticleSummary[]> {
  const ws = await openWorkspace(root)
  const listed = await listArticles(ws)
  if (listed.length !== articleCount) {
    throw new Error(
      `listArticles found ${listed.length} articles in a workspace of ${articleCount}.`,
    )
  }
  const broken = listed.find((a) => a.error)
  if (broken)
    throw new Error(`listArticles reported a problem with ${broken.path}: ${broken.error?.message}`)
  return listed
}

/** The workspace section. */
export const workspaceSection: BenchSection = {
  name: 'workspace',
  description: 'openWorkspace + listArticles of a 10,000-article workspace (s, memory)',
  async run(ctx) {
    const root = path.join(ctx.tmpRoot, 'workspace-10000')
    await mkdir(root)
    ctx.log(`workspace: generating ${articleCount} articles`)
    const articles = await generateWorkspace(root, { articles: articleCount, words: 300, seed: 10 })
    const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.markdown), 0)
    ctx.log('workspace: open + list')
    const { memory } = await measureMemory(() => openAndList(root))
    const seconds = await timeRuns(ctx.runs, ctx.warmup, async () => {
      const started = performance.now()
      await openAndList(root)
      return (performance.now() - started) / 1000
    })
    await rm(root, { recursive: true, force: true })
    return {
      articles: articleCount,
      totalMiB: Math.round((bytes / 1024 ** 2) * 10) / 10,
      openAndList10000S: seconds,
      firstOpenAndList: memory,
      note: 'files were just written, so they are in the OS page cache (a warm open, as on a second start)',
    }
  },
}
