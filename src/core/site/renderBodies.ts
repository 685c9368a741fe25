/**
 * Renders many article bodies on all cores: a pool of worker threads running the same
 * `renderBody` as the main thread. Small batches render on the calling thread, where starting
 * workers would cost more than it saves, and so does everything when workers cannot start
 * (a bundle without the worker file).
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { FolioError } from '../errors'
import { renderBody, type BodyJob, type RenderedBody } from './renderBody'

/** Below this many bodies, rendering on the calling thread is faster than starting workers. */
export const workerThreshold = 150

const chunkSize = 40

type WorkerReply =
  { ready: true } | { ok: true; results: RenderedBody[] } | { ok: false; message: string }

function startWorker(): Promise<Worker> {
  const module = new URL(
    `./renderBody${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  )
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./renderWorker.mjs', import.meta.url), {
      workerData: { module: module.href },
    })
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

async function renderInWorkers(jobs: BodyJob[], count: number): Promise<RenderedBody[] | null> {
  const started = await Promise.allSettled(Array.from({ length: count }, startWorker))
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  if (workers.length === 0) return null
  const results: RenderedBody[] = new Array(jobs.length)
  let next = 0
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const from = next
          next += chunkSize
          const done = await runChunk(worker, jobs.slice(from, from + chunkSize))
          done.forEach((result, i) => (results[from + i] = result))
        }
      }),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}

/** Renders every job's body, in order: on worker threads when there are many, else here. */
export async function renderBodies(jobs: BodyJob[]): Promise<RenderedBody[]> {
  const cores = Math.max(1, Math.min(8, os.availableParallelism()))
  if (jobs.length >= workerThreshold && cores > 1) {
    const results = await renderInWorkers(jobs, Math.min(cores, Math.ceil(jobs.length / chunkSize)))
    if (results) return results
  }
  return jobs.map(renderBody)
}
