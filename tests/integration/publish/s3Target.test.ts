import { randomBytes } from 'node:crypto'
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  DeleteObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import { FolioError } from '../../../src/core/errors'
import { publishSite, testConnection } from '../../../src/core/publish'
import { startDropProxy, type DropProxy } from '../servers/dropProxy'
import { startS3Server, type S3Server } from '../servers/s3Server'
import {
  makeFixture,
  sampleSite,
  secretsFrom,
  testOptions,
  type PublishFixture,
} from '../../unit/publish/publishFixture'

let server: S3Server
let proxy: DropProxy
let direct: S3Client
let fixture: PublishFixture | undefined
let run = 0

beforeAll(async () => {
  server = await startS3Server()
  proxy = await startDropProxy(server.port)
  direct = new S3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  })
})
afterAll(async () => {
  direct?.destroy()
  await proxy?.close()
  await server?.stop()
})
afterEach(async () => {
  proxy.setBlocked(false)
  await fixture?.cleanup()
  fixture = undefined
})

async function setup(): Promise<{ f: PublishFixture; prefix: string }> {
  const prefix = `site-${++run}/`
  fixture = await makeFixture([
    {
      name: 'bucket',
      type: 's3',
      endpoint: `http://127.0.0.1:${proxy.port}`,
      region: 'us-east-1',
      bucket: server.bucket,
      prefix,
      pathStyle: true,
    },
  ])
  return { f: fixture, prefix }
}

const secrets = () =>
  secretsFrom({
    bucket: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
  })

async function remoteTree(prefix: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const page = await direct.send(
    new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix }),
  )
  for (const object of page.Contents ?? []) {
    const body = await direct.send(
      new GetObjectCommand({ Bucket: server.bucket, Key: object.Key! }),
    )
    out[object.Key!.slice(prefix.length)] = await body.Body!.transformToString()
  }
  return out
}

function uploaded(events: PublishProgressEvent[]): string[] {
  return [
    ...new Set(
      events.filter((e) => e.phase === 'uploading' && e.currentFile).map((e) => e.currentFile!),
    ),
  ]
}

describe('s3 target against a real S3 server', () => {
  it('publishes, then uploads nothing, then only the edit, then removes a deleted page', async () => {
    const { f, prefix } = await setup()
    const first = await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    expect(first.added).toHaveLength(7)
    expect(await remoteTree(prefix)).toEqual(sampleSite)

    const events: PublishProgressEvent[] = []
    const second = await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets(), events))
    expect([...second.added, ...second.changed, ...second.removed]).toEqual([])
    expect(uploaded(events)).toEqual([])

    const next: Record<string, string> = {
      ...sampleSite,
      'posts/hello/index.html': '<h1>Edited</h1>',
    }
    delete next['posts/second/index.html']
    await f.writeSite(next)
    const editEvents: PublishProgressEvent[] = []
    const third = await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets(), editEvents))
    expect(uploaded(editEvents)).toEqual(['posts/hello/index.html'])
    expect(third.removed).toEqual(['posts/second/index.html'])
    expect(await remoteTree(prefix)).toEqual(next)
  })

  it('lists a site of more than 1,000 objects completely: a second publish uploads nothing', async () => {
    const { f } = await setup()
    const big: Record<string, string> = {}
    // Pagination folders beside article folders whose names share the prefix (page/ vs page-x/).
    for (let i = 0; i < 600; i++) big[`page-${i}/index.html`] = `<p>${i}</p>`
    for (let i = 0; i < 600; i++) big[`page/${i}/index.html`] = `<p>list ${i}</p>`
    await f.writeSite(big)
    const first = await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    expect(first.added).toHaveLength(1200)
    const events: PublishProgressEvent[] = []
    await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets(), events))
    expect(uploaded(events)).toEqual([])
  })

  it('serves pages and fingerprinted assets with the right type and caching', async () => {
    const { f, prefix } = await setup()
    await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    const page = await direct.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: `${prefix}index.html` }),
    )
    expect(page.ContentType).toBe('text/html; charset=utf-8')
    expect(page.CacheControl).toBe('public, max-age=0, must-revalidate')
    const css = await direct.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: `${prefix}assets/site.3f9a1c2b7d.css` }),
    )
    expect(css.ContentType).toBe('text/css; charset=utf-8')
    expect(css.CacheControl).toBe('public, max-age=31536000, immutable')
    const png = await direct.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: `${prefix}images/cat.png` }),
    )
    expect(png.ContentType).toBe('image/png')
  })

  it('restores an object deleted in the bucket by hand', async () => {
    const { f, prefix } = await setup()
    await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    await direct.send(
      new DeleteObjectCommand({ Bucket: server.bucket, Key: `${prefix}images/cat.png` }),
    )
    const report = await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    expect(report.added).toEqual(['images/cat.png'])
    expect(await remoteTree(prefix)).toEqual(sampleSite)
  })

  it('uploads a large file in parts', async () => {
    const { f, prefix } = await setup()
    const big = randomBytes(17 * 1024 * 1024)
      .toString('base64')
      .slice(0, 17 * 1024 * 1024 + 5)
    await f.writeSite({ 'index.html': 'home', 'video/big.txt': big })
    await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    const head = await direct.send(
      new HeadObjectCommand({ Bucket: server.bucket, Key: `${prefix}video/big.txt` }),
    )
    expect(head.ContentLength).toBe(big.length)
    const parts = server.requests.filter((line) =>
      line.startsWith(`PUT /${server.bucket}/${prefix}video/big.txt?`),
    )
    expect(parts.length).toBe(3)
    expect(parts.every((line) => /partNumber=\d/.test(line))).toBe(true)
    const again = await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets()))
    expect([...again.added, ...again.changed]).toEqual([])
  }, 60_000)

  it('reconnects and finishes when connections drop mid-upload', async () => {
    const { f, prefix } = await setup()
    let dropped = false
    const options = testOptions(f.siteDir, secrets())
    options.onProgress = (event) => {
      if (!dropped && event.phase === 'uploading' && event.filesDone === 2) {
        dropped = true
        proxy.dropAll()
      }
    }
    await publishSite(f.ws, 'bucket', options)
    expect(dropped).toBe(true)
    expect(await remoteTree(prefix)).toEqual(sampleSite)
  })

  it('gives up with a network error, then resumes without resending finished files', async () => {
    const { f, prefix } = await setup()
    const options = testOptions(f.siteDir, secrets())
    options.onProgress = (event) => {
      if (event.phase === 'uploading' && event.filesDone === 3) {
        proxy.setBlocked(true)
        proxy.dropAll()
      }
    }
    const error = (await publishSite(f.ws, 'bucket', options).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error).toBeInstanceOf(FolioError)
    expect(error.code).toBe('network')
    expect(Object.keys(sampleSite)).toContain(error.path)
    proxy.setBlocked(false)
    const events: PublishProgressEvent[] = []
    await publishSite(f.ws, 'bucket', testOptions(f.siteDir, secrets(), events))
    expect(uploaded(events).length).toBeLessThanOrEqual(4)
    expect(await remoteTree(prefix)).toEqual(sampleSite)
  })

  it('refuses a wrong access key with an auth error, changes nothing, and never shows it', async () => {
    // s3rver checks the access key id but not SigV4 signatures, so the key id is what is wrong.
    const { f, prefix } = await setup()
    const wrong = secretsFrom({
      bucket: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'wrong-secret-123' },
    })
    const error = (await publishSite(f.ws, 'bucket', testOptions(f.siteDir, wrong)).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('auth')
    expect(error.message).not.toContain('wrong-secret-123')
    expect(await remoteTree(prefix)).toEqual({})
    await expect(testConnection(f.ws, 'bucket', wrong)).rejects.toMatchObject({ code: 'auth' })
  })
})
