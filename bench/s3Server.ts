/** A local S3-protocol server (s3rver) on 127.0.0.1 and a random port, for the publish section. */
import S3rver from 's3rver'

/** A running local S3 server and the credentials it accepts (s3rver's fixed test pair). */
export interface LocalS3 {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  close(): Promise<void>
}

/** Starts s3rver storing under `directory` with the given buckets already created. */
export async function startLocalS3(directory: string, buckets: string[]): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  })
  const address = await server.run()
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    close: () => server.close(),
  }
}
