import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { setRenderWorkerUrl } from '../../../src/core/site'
import {
  renderBodiesReported,
  warmUpRenderWorkers,
  workerThreshold,
} from '../../../src/core/site/renderBodies'
import { renderBody } from '../../../src/core/site/renderBody'

const run = promisify(execFile)
const jobs = Array.from({ length: workerThreshold + 30 }, (_, i) => ({
  path: `posts/p${i}.md`,
  slug: `p${i}`,
  body: `## Part ${i}\n\nWords *${i}* and a [link](../p${i + 1}.md).\n`,
}))
const manyCores = os.availableParallelism() > 1

afterEach(() => setRenderWorkerUrl(null))

describe('warmUpRenderWorkers', () => {
  it('starts workers that the next render uses, with the same bodies as the main thread', async () => {
    warmUpRenderWorkers(jobs.length)
    const rendered = await renderBodiesReported(jobs)
    expect(rendered.oneThread).toBeUndefined()
    expect(rendered.bodies).toHaveLength(jobs.length)
    expect(rendered.bodies[77]).toEqual(renderBody(jobs[77]))
  })

  it('falls back to one thread, and says so, when the warmed-up workers could not start', async () => {
    setRenderWorkerUrl({
      worker: new URL('file:///folio-no-such-folder/renderWorker.mjs'),
      module: new URL('file:///folio-no-such-folder/renderBody.js'),
    })
    warmUpRenderWorkers(jobs.length)
    const rendered = await renderBodiesReported(jobs)
    expect(rendered.bodies[3]).toEqual(renderBody(jobs[3]))
    if (manyCores) expect(rendered.oneThread).toMatch(/^Rendered on one thread: /)
  })

  it('does not keep a process alive whose build stopped before rendering', async () => {
    const module = new URL('../../../src/core/site/renderBodies.ts', import.meta.url).href
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-warm-'))
    const script = path.join(dir, 'warm.mts')
    await fs.writeFile(
      script,
      `const m = await import(${JSON.stringify(module)})\n` +
        `m.warmUpRenderWorkers(1000)\n` +
        `process.on('exit', () => console.log('exit after', Math.round(performance.now())))\n`,
    )
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
        timeout: 55_000,
      })
      // The warmed-up workers would otherwise wait a minute for a render.
      const ms = Number(/exit after (\d+)/.exec(stdout)?.[1])
      expect(ms).toBeLessThan(30_000)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
