import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildSite, setRenderWorkerUrl } from '../../../src/core/site'
import { renderBodiesReported, workerThreshold } from '../../../src/core/site/renderBodies'
import { renderBody } from '../../../src/core/site/renderBody'
import { openWorkspace } from '../../../src/core/workspace'
import { siteContent } from './siteContent'

const jobs = Array.from({ length: workerThreshold + 5 }, (_, i) => ({
  path: `posts/p${i}.md`,
  slug: `p${i}`,
  body: `# Title ${i}\n\nSome *text* with ![img](pic${i}.png).\n`,
}))
const manyCores = os.availableParallelism() > 1
const missingWorker = {
  worker: new URL('file:///folio-no-such-folder/renderWorker.mjs'),
  module: new URL('file:///folio-no-such-folder/renderBody.js'),
}

afterEach(() => setRenderWorkerUrl(null))

describe('setRenderWorkerUrl', () => {
  it('renders on worker threads started from the given files', async () => {
    setRenderWorkerUrl({
      worker: new URL('../../../src/core/site/renderWorker.mjs', import.meta.url),
      module: new URL('../../../src/core/site/renderBody.ts', import.meta.url),
    })
    const rendered = await renderBodiesReported(jobs)
    expect(rendered.oneThread).toBeUndefined()
    expect(rendered.bodies[9]).toEqual(renderBody(jobs[9]))
  })

  it('renders on one thread, and says so, when the worker cannot start', async () => {
    setRenderWorkerUrl(missingWorker)
    const rendered = await renderBodiesReported(jobs)
    expect(rendered.bodies).toHaveLength(jobs.length)
    expect(rendered.bodies[42]).toEqual(renderBody(jobs[42]))
    if (manyCores) expect(rendered.oneThread).toMatch(/^Rendered on one thread: /)
    else expect(rendered.oneThread).toBeUndefined()
  })

  it('notes a one-thread build in the build report, which builds the same site', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-worker-'))
    try {
      const root = path.join(tmp, 'blog')
      await fs.mkdir(path.join(root, 'posts'), { recursive: true })
      await fs.writeFile(path.join(root, 'folio.yaml'), 'title: Many\nbaseUrl: https://m.test/\n')
      for (const [i, job] of jobs.entries())
        await fs.writeFile(
          path.join(root, `${job.path}`),
          `---\ntitle: ${job.slug}\ndate: 2025-01-${String((i % 28) + 1).padStart(2, '0')}\ntags: [t${i % 7}]\n---\n\nBody of ${job.slug}, see [next](p${(i + 1) % jobs.length}.md) and [gone](gone.md).\n`,
        )
      const build = async (outDir: string) => {
        await fs.rm(path.join(root, '.folio'), { recursive: true, force: true })
        return buildSite(await openWorkspace(root), {
          outDir,
          now: new Date('2025-06-01T00:00:00Z'),
        })
      }
      const onWorkers = await build(path.join(tmp, 'workers'))
      expect(onWorkers.notes).toBeUndefined()
      setRenderWorkerUrl(missingWorker)
      const report = await build(path.join(tmp, 'public'))
      expect(report.problems).toEqual(onWorkers.problems)
      expect(report.problems).toHaveLength(jobs.length)
      expect(await siteContent(path.join(tmp, 'public'))).toEqual(
        await siteContent(path.join(tmp, 'workers')),
      )
      const page = await fs.readFile(path.join(tmp, 'public/p7/index.html'), 'utf8')
      expect(page).toContain('Body of p7, see <a href="../p8/">next</a>')
      if (manyCores) expect(report.notes?.[0]).toMatch(/^Rendered on one thread: /)
      else expect(report.notes).toBeUndefined()
    } finally {
      await fs.rm(tmp, { recursive: true, force: true })
    }
  })
})
