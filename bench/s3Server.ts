/**
 * A local S3-protocol server (s3rver) on 127.0.0.1 and a random port, for the publish section.
 *
 * NOTE: it runs in a Node process of its own, as a real store would. In the bench's process its
 * synchronous walks of the bucket (s3rver walks every object's folder to answer HeadBucket and
 * again for ListObjects: about 0.35 s each for 5,836 objects here) blocked Folio's event loop, so
 * the no-change publish timed s3rver's work and could not scan the site while the server answered.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** A running local S3 server and the credentials it accepts (s3rver's fixed test pair). */
export interface LocalS3 {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  close(): Promise<void>
}

const serverScript = fileURLToPath(new URL('./s3ServerProcess.mjs', import.meta.url))

/** Starts s3rver storing under `directory` with the given buckets already created. */
export async function startLocalS3(directory: string, buckets: string[]): Promise<LocalS3> {
  const child = spawn(process.execPath, [serverScript, directory, ...buckets], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  const lines = createInterface({ input: child.stdout })
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`The local S3 server (s3rver) exited with code ${code} before listening.`)
    }),
  ])
  lines.close()
  const { port } = JSON.parse(first) as { port: number }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async close() {
      child.stdin.end()
      await exited
    },
  }
}
