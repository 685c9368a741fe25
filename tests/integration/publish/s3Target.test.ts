import { randomBytes } from 'node:crypto'
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  DeleteObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/core/publish'
import { startS3Server } from '../servers/s3Server'
import { useProxiedServer } from '../servers/useServer'
import { secretsFrom, usePublishFixtures } from '../../unit/publish/publishFixture'
import {
  failureOf,
  itTransfersThroughDrops,
  publishTo,
  refusesCredentials,
  type TargetUnderTest,
} from './publishScenarios'

const env = useProxiedServer(startS3Server)
const makeFixture = usePublishFixtures()
let direct: S3Client
let run = 0

beforeAll(() => {
  const { server } = env
  direct = new S3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  })
})
afterAll(() => {
  direct?.destroy()
})

/** The objects under `prefix`, read straight from the server (not through the proxy). */
async function remoteTree(prefix: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const bucket = env.server.bucket
  const page = await direct.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))
  for (const object of page.Contents ?? []) {
    const body = await direct.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key! }))
    out[object.Key!.slice(prefix.length)] = await body.Body!.transformToString()
  }
  return out
}

function head(key: string) {
  return direct.send(new HeadObjectCommand({ Bucket: env.server.bucket, Key: key }))
}

const s3: TargetUnderTest<string> = {
  name: 'bucket',
  secrets: () =>
    secretsFrom({
      bucket: { accessKeyId: env.server.accessKeyId, secretAccessKey: env.server.secretAccessKey },
    }),
  async setup() {
    const prefix = `site-${++run}/`
    const f = await makeFixture([
      {
        name: 'bucket',
        type: 's3',
        endpoint: `http://127.0.0.1:${env.proxy.port}`,
        region: 'us-east-1',
        bucket: env.server.bucket,
        prefix,
        pathStyle: true,
      },
    ])
    return { f, remote: prefix }
  },
  readRemote: remoteTree,
  async expectNothingPublished(prefix) {
    expect(await remoteTree(prefix)).toEqual({})
  },
}

describe('s3 target against a real S3 server', () => {
  itTransfersThroughDrops(s3, env, async (prefix, path) => {
    await direct.send(
      new DeleteObjectCommand({ Bucket: env.server.bucket, Key: `${prefix}${path}` }),
    )
  })

  it('finds every published object when a page boundary falls among keys listed out of order', async () => {
    const { f, remote: prefix } = await s3.setup()
    const big: Record<string, string> = {}
    // s3rver walks folders, so page-x/ (which sorts before page/) is listed after page/'s files;
    // with the first 1,000 ending inside page/, a marker-paged listing skips every page-x/.
    for (let i = 0; i < 500; i++) big[`a-${i}/index.html`] = `<p>a ${i}</p>`
    for (let i = 0; i < 600; i++) big[`page/${i}/index.html`] = `<p>list ${i}</p>`
    for (let i = 0; i < 20; i++) big[`page-${i}/index.html`] = `<p>page ${i}</p>`
    await f.writeSite(big)
    await publishTo(s3, f)
    const second = await publishTo(s3, f)
    expect(second.uploaded).toEqual([])
    expect([...second.report.added, ...second.report.changed]).toEqual([])
    await direct.send(
      new DeleteObjectCommand({ Bucket: env.server.bucket, Key: `${prefix}page-3/index.html` }),
    )
    const third = await publishTo(s3, f)
    expect(third.uploaded).toEqual(['page-3/index.html'])
  })

  it('serves pages and fingerprinted assets with the right type and caching', async () => {
    const { f, remote: prefix } = await s3.setup()
    await publishTo(s3, f)
    const page = await head(`${prefix}index.html`)
    expect(page.ContentType).toBe('text/html; charset=utf-8')
    expect(page.CacheControl).toBe('public, max-age=0, must-revalidate')
    const css = await head(`${prefix}assets/site.3f9a1c2b7d.css`)
    expect(css.ContentType).toBe('text/css; charset=utf-8')
    expect(css.CacheControl).toBe('public, max-age=31536000, immutable')
    const png = await head(`${prefix}images/cat.png`)
    expect(png.ContentType).toBe('image/png')
  })

  it('uploads a large file in parts', async () => {
    const { f, remote: prefix } = await s3.setup()
    const big = randomBytes(17 * 1024 * 1024)
      .toString('base64')
      .slice(0, 17 * 1024 * 1024 + 5)
    await f.writeSite({ 'index.html': 'home', 'video/big.txt': big })
    await publishTo(s3, f)
    expect((await head(`${prefix}video/big.txt`)).ContentLength).toBe(big.length)
    const parts = env.server.requests.filter((line) =>
      line.startsWith(`PUT /${env.server.bucket}/${prefix}video/big.txt?`),
    )
    expect(parts.length).toBe(3)
    expect(parts.every((line) => /partNumber=\d/.test(line))).toBe(true)
    const again = await publishTo(s3, f)
    expect([...again.report.added, ...again.report.changed]).toEqual([])
  }, 60_000)

  it('asks a store with nothing new for one listing and nothing else', async () => {
    const { f, remote: prefix } = await s3.setup()
    await publishTo(s3, f)
    const before = env.server.requests.length
    const again = await publishTo(s3, f)
    expect([...again.report.added, ...again.report.changed]).toEqual([])
    const asked = env.server.requests.slice(before)
    expect(asked).toHaveLength(1)
    // The listing (ListObjects) of the target's prefix: no HeadBucket before it.
    expect(asked[0]).toMatch(new RegExp(`^GET /${env.server.bucket}/?\\?`))
    expect(asked[0]).toContain(`prefix=${encodeURIComponent(prefix)}`)
  })

  it('names the bucket when it does not exist, and publishes nothing', async () => {
    const f = await makeFixture([
      {
        name: 'bucket',
        type: 's3',
        endpoint: `http://127.0.0.1:${env.proxy.port}`,
        region: 'us-east-1',
        bucket: 'no-such-bucket',
        pathStyle: true,
      },
    ])
    await f.writeSite({ 'index.html': 'home' })
    const error = await failureOf(publishTo(s3, f))
    expect(error.code).toBe('config')
    expect(error.message).toContain('The bucket "no-such-bucket" of target "bucket" does not exist')
    await expect(testConnection(f.ws, 'bucket', s3.secrets())).rejects.toMatchObject({
      code: 'config',
    })
  })

  it('refuses a wrong access key with an auth error, changes nothing, and never shows it', async () => {
    // s3rver checks the access key id but not SigV4 signatures, so the key id is what is wrong.
    const wrong = secretsFrom({
      bucket: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'wrong-secret-123' },
    })
    const { f } = await refusesCredentials(s3, { secrets: wrong, secret: 'wrong-secret-123' })
    await expect(testConnection(f.ws, 'bucket', wrong)).rejects.toMatchObject({ code: 'auth' })
  })
})
