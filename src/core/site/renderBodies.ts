/**
 * Renders many article bodies on all cores: a pool of worker threads running the same
 * `renderBody` as the main thread. Small batches render on the calling thread, where starting
 * workers would cost more than it saves, and so does everything when workers cannot start (a
 * bundle without the worker file): the result then says so, for the build report.
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { FolioError } from '../errors'
import { renderBody, type BodyJob, type RenderedBody } from './renderBody'
import { bundledModule } from './renderWorkerBundle'

/** Below this many bodies, rendering on the calling thread is faster than starting workers. */
export const workerThreshold = 150

const chunkSize = 40

/** The worker entry and the module it imports `renderBody` from, when set by the app. */
interface WorkerLocation {
  worker: URL
  module: URL
}

let workerLocation: WorkerLocation | null = null

/**
 * Tells the site builder where its render worker lives, for bundles (electron-vite) where
 * `renderWorker.mjs` does not sit next to the code: `worker` is the worker entry (a copy of
 * `renderWorker.mjs`) and `module` a JavaScript module exporting `renderBody`. Pass null to go
 * back to the files beside this module.
 */
export function setRenderWorkerUrl(location: { worker: URL; module: URL } | null): void {
  workerLocation = location
}

/** Where the workers start from, and why they load the sources when a bundle was wanted. */
interface ResolvedLocation {
  location: WorkerLocation
  problem?: string
}

/**
 * The worker location to use: the one set by the app, else the files beside this module, with
 * the TypeScript module bundled into one file when running from sources (see renderWorkerBundle).
 */
async function resolveLocation(): Promise<ResolvedLocation> {
  if (workerLocation) return { location: workerLocation }
  const beside = defaultLocation()
  if (!beside.module.pathname.endsWith('.ts')) return { location: beside }
  try {
    return { location: { worker: beside.worker, module: await bundledModule(beside.module) } }
  } catch (err) {
    return {
      location: beside,
      problem: `The render workers loaded the Markdown pipeline from its sources, which is slower: bundling it failed (${err instanceof Error ? err.message : String(err)}).`,
    }
  }
}

function defaultLocation(): WorkerLocation {
  return {
    worker: new URL('./renderWorker.mjs', import.meta.url),
    module: new URL(
      `./renderBody${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
      import.meta.url,
    ),
  }
}

type WorkerReply =
  { ready: true } | { ok: true; results: RenderedBody[] } | { ok: false; message: string }

function startWorker(location: WorkerLocation): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(location.worker, {
        workerData: { module: location.module.href },
        // Parsing Markdown makes many short-lived objects: a larger young generation means
        // fewer scavenges (measured: about 5 % less CPU for a 4,000-article build).
        resourceLimits: { maxYoungGenerationSizeMb: 96 },
      })
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)))
      return
    }
    const fail = (err: Error) => {
      void worker.terminate()
      reject(err)
    }
    worker.once('error', fail)
    worker.once('message', (reply: WorkerReply) => {
      worker.off('error', fail)
      if ('ready' in reply) resolve(worker)
      else fail(new Error('The render worker did not start.'))
    })
  })
}

function runChunk(worker: Worker, jobs: BodyJob[]): Promise<RenderedBody[]> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      worker.off('message', onMessage)
      reject(err)
    }
    const onMessage = (reply: WorkerReply) => {
      worker.off('error', onError)
      if ('results' in reply) resolve(reply.results)
      else
        reject(
          new FolioError(
            'build-failed',
            `Rendering Markdown failed: ${'message' in reply ? reply.message : 'no reply'}`,
          ),
        )
    }
    worker.once('error', onError)
    worker.once('message', onMessage)
    worker.postMessage(jobs)
  })
}

/** Called with each body as soon as it is rendered (in no particular order). */
export type OnBody = (index: number, body: RenderedBody) => void

function renderHere(jobs: BodyJob[], onBody?: OnBody): RenderedBody[] {
  return jobs.map((job, i) => {
    const body = renderBody(job)
    onBody?.(i, body)
    return body
  })
}

/** Workers started ahead of a render that is sure to come, while the build reads its sources. */
interface WarmWorkers {
  resolved: Promise<ResolvedLocation>
  started: Promise<PromiseSettledResult<Worker>[]>
  timer: ReturnType<typeof setTimeout>
}

let warm: WarmWorkers | null = null

/** How long warmed-up workers wait for their render before they are stopped. */
const warmLifetimeMs = 60_000

function coreCount(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()))
}

function workerCount(jobs: number): number {
  return Math.min(coreCount(), Math.ceil(jobs / chunkSize))
}

async function stopWorkers(started: Promise<PromiseSettledResult<Worker>[]>): Promise<void> {
  const settled = await started
  await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.terminate() : null)))
}

/**
 * Starts the render workers for about `bodies` bodies now, when the caller knows they will all
 * need rendering (a build without a cache), so that starting them overlaps reading the sources.
 * The next `renderBodiesReported` on worker threads takes them; unused, they stop after a minute.
 */
export function warmUpRenderWorkers(bodies: number): void {
  if (warm || bodies < workerThreshold || coreCount() < 2) return
  const resolved = resolveLocation()
  const started = resolved.then(({ location }) =>
    Promise.allSettled(Array.from({ length: workerCount(bodies) }, () => startWorker(location))),
  )
  // NOTE: waiting workers must not keep a process alive whose build failed before rendering.
  void started.then((settled) =>
    settled.forEach((s) => s.status === 'fulfilled' && s.value.unref()),
  )
  const timer = setTimeout(() => {
    if (warm?.started !== started) return
    warm = null
    void stopWorkers(started)
  }, warmLifetimeMs)
  timer.unref()
  warm = { resolved, started, timer }
}

/** Starts `count` workers, taking warmed-up ones first. */
async function workersFor(location: WorkerLocation, count: number): Promise<Worker[]> {
  let taken: PromiseSettledResult<Worker>[] = []
  const waiting = warm
  if (waiting && sameLocation((await waiting.resolved).location, location) && warm === waiting) {
    clearTimeout(waiting.timer)
    warm = null
    taken = await waiting.started
  }
  const ready = taken.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  for (const worker of ready) worker.ref()
  const extra = ready.splice(count)
  await Promise.all(extra.map((worker) => worker.terminate()))
  const more = await Promise.allSettled(
    Array.from({ length: count - ready.length }, () => startWorker(location)),
  )
  const workers = [...ready, ...more.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))]
  if (workers.length === 0) {
    const reason = [...taken, ...more].find((s) => s.status === 'rejected')?.reason
    throw reason instanceof Error ? reason : new Error(String(reason))
  }
  return workers
}

function sameLocation(a: WorkerLocation, b: WorkerLocation): boolean {
  return a.worker.href === b.worker.href && a.module.href === b.module.href
}

async function renderInWorkers(
  jobs: BodyJob[],
  count: number,
  onBody?: OnBody,
): Promise<{ bodies: RenderedBody[]; problem?: string } | { failed: string }> {
  const { location, problem } = await resolveLocation()
  let workers: Worker[]
  try {
    workers = await workersFor(location, count)
  } catch (err) {
    return { failed: (err as Error).message }
  }
  const results: RenderedBody[] = new Array(jobs.length)
  let next = 0
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const from = next
          next += chunkSize
          const done = await runChunk(worker, jobs.slice(from, from + chunkSize))
          done.forEach((result, i) => {
            results[from + i] = result
            onBody?.(from + i, result)
          })
        }
      }),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return problem ? { bodies: results, problem } : { bodies: results }
}

/** Rendered bodies, and why they were rendered on the calling thread when workers were wanted. */
export interface RenderedBodies {
  bodies: RenderedBody[]
  /** Set when worker threads could not start and everything rendered on one thread. */
  oneThread?: string
  /** Set when the workers had to load the pipeline from its sources (see renderWorkerBundle). */
  slowStart?: string
}

/**
 * Renders every job's body, in order: on worker threads when there are many and more than one
 * core, else here. When workers cannot start, renders here and says why in `oneThread`.
 * `onBody` hears of each body as it is done, so the caller can use it before the rest.
 */
export async function renderBodiesReported(
  jobs: BodyJob[],
  onBody?: OnBody,
): Promise<RenderedBodies> {
  if (jobs.length >= workerThreshold && coreCount() > 1) {
    const outcome = await renderInWorkers(jobs, workerCount(jobs.length), onBody)
    if ('bodies' in outcome)
      return outcome.problem
        ? { bodies: outcome.bodies, slowStart: outcome.problem }
        : { bodies: outcome.bodies }
    return {
      bodies: renderHere(jobs, onBody),
      oneThread: `Rendered on one thread: the render worker could not start (${outcome.failed}).`,
    }
  }
  return { bodies: renderHere(jobs, onBody) }
}

/** Renders every job's body, in order: on worker threads when there are many, else here. */
export async function renderBodies(jobs: BodyJob[]): Promise<RenderedBody[]> {
  return (await renderBodiesReported(jobs)).bodies
}
