/**
 * A real S3-protocol server (s3rver) on 127.0.0.1 with one bucket, storing objects in a temp
 * folder. It checks request signatures, so a wrong key is refused as on AWS.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import { freePort } from './freePort'

/** A running S3 server: where it listens, its bucket, and the key pair it accepts. */
export interface S3Server {
  port: number
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  /** Request lines the server received (`PUT /blog/a.html?uploadId=...`), oldest first. */
  requests: string[]
  stop(): Promise<void>
}

/** Starts s3rver with bucket `bucket` (access key and secret are both `S3RVER`). */
export async function startS3Server(bucket = 'blog'): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'folio-s3-'))
  const port = await freePort()
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const requests: string[] = []
  const http =
    (await server.run(),
    (server as unknown as { httpServer: import('node:http').Server }).httpServer)
  http.prependListener('request', (req: import('node:http').IncomingMessage) => {
    requests.push(`${req.method} ${req.url}`)
  })
  return {
    requests,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async stop() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
