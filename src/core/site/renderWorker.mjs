// Worker thread entry of the site build: renders article bodies with the same `renderBody` as the
// main thread. Plain JavaScript so Node can start it anywhere; when the builder runs from
// TypeScript sources (tsx, vitest) it registers tsx first so the `.ts` module can be imported.
import { parentPort, workerData } from 'node:worker_threads'

const moduleUrl = workerData.module
if (moduleUrl.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api')
  register()
}
const { renderBody } = await import(moduleUrl)

parentPort.on('message', (jobs) => {
  try {
    parentPort.postMessage({ ok: true, results: jobs.map(renderBody) })
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) })
  }
})
parentPort.postMessage({ ready: true })
