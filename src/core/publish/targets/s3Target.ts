/**
 * The S3-compatible target (AWS S3, Cloudflare R2, Backblaze B2, DigitalOcean Spaces, MinIO) over
 * the AWS SDK v3. The bucket is listed on every publish and ETags compared with what Folio put
 * there, so an object deleted or replaced by someone else is uploaded again.
 */
import { readFile } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  type ListObjectsCommandOutput,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { FolioError } from '../../errors'
import { cacheControlFor, contentTypeFor } from '../contentHeaders'
import type { LocalFile } from '../localFiles'
import type { Manifest } from '../manifest'
import type { PublishTarget, RemoteListing, TargetContext } from '../publishTarget'
import { runPool } from '../runPool'
import { secretEnvName } from '../secretSource'
import { optionalBoolean, optionalString, requireString } from '../targetConfig'

/** Files above this size go up in parts (lib-storage), so one dropped part does not restart it. */
export const multipartThreshold = 16 * 1024 * 1024
const partSize = 8 * 1024 * 1024

const authErrors = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'InvalidToken',
  'ExpiredToken',
  'Forbidden',
])

function stripQuotes(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '')
}

/** Creates the S3 target: `bucket`, `region`, optional `endpoint`, `prefix`, `pathStyle`. */
export function createS3Target(ctx: TargetContext): PublishTarget {
  const { config } = ctx
  const name = config.name
  const bucket = requireString(config, 'bucket')
  const region = optionalString(config, 'region') ?? 'us-east-1'
  const endpoint = optionalString(config, 'endpoint')
  const pathStyle = optionalBoolean(config, 'pathStyle', false)
  const rawPrefix = (optionalString(config, 'prefix') ?? '').replace(/^\/+/, '')
  const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`
  let client: S3Client | null = null
  /** The listing's first page, asked for by `connect` and taken by the `list` that follows. */
  let firstPage: Promise<ListObjectsCommandOutput> | null = null

  async function s3(): Promise<S3Client> {
    if (client) return client
    const accessKeyId = await ctx.secrets(name, 'accessKeyId')
    const secretAccessKey = await ctx.secrets(name, 'secretAccessKey')
    const sessionToken = await ctx.secrets(name, 'sessionToken')
    if (!accessKeyId || !secretAccessKey) {
      throw new FolioError(
        'auth',
        `Target "${name}" needs an access key: set it in the publish settings (or ${secretEnvName(name, 'accessKeyId')} and ${secretEnvName(name, 'secretAccessKey')}).`,
        { path: name },
      )
    }
    client = new S3Client({
      region,
      endpoint,
      forcePathStyle: pathStyle,
      credentials: { accessKeyId, secretAccessKey, sessionToken },
      // The engine retries (and resumes) itself; S3-compatible hosts reject the newer checksums.
      maxAttempts: 1,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    })
    return client
  }

  /** Turns the SDK's auth and missing-bucket failures into errors a person can act on. */
  function explain(err: unknown): unknown {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
    if ((e.name && authErrors.has(e.name)) || e.$metadata?.httpStatusCode === 403) {
      return new FolioError(
        'auth',
        `The storage service refused the access key of target "${name}" (${e.name ?? 'HTTP 403'}): check the key, its secret and its permissions on bucket "${bucket}".`,
        { path: name },
      )
    }
    if (
      e.name === 'NoSuchBucket' ||
      (e.name === 'NotFound' && e.$metadata?.httpStatusCode === 404)
    ) {
      return new FolioError(
        'config',
        `The bucket "${bucket}" of target "${name}" does not exist; create it or fix "bucket" in folio.yaml.`,
        { path: 'folio.yaml' },
      )
    }
    return err
  }

  async function send<T>(work: (s3: S3Client) => Promise<T>): Promise<T> {
    const s3Client = await s3()
    try {
      return await work(s3Client)
    } catch (err) {
      throw explain(err)
    }
  }

  /** One page of the bucket's listing under `prefix`, from the key after `marker`. */
  function listPage(marker: string | undefined): Promise<ListObjectsCommandOutput> {
    return send((s3Client) =>
      s3Client.send(
        new ListObjectsCommand({
          Bucket: bucket,
          Prefix: prefix || undefined,
          Marker: marker,
          MaxKeys: 100_000,
        }),
      ),
    )
  }

  /** Adds to `listing` the files of `previous` it lacks that the bucket does hold. */
  async function headMissing(previous: Manifest, listing: RemoteListing): Promise<void> {
    const missing = [...previous.keys()].filter((path) => !listing.has(path))
    const s3Client = await s3()
    await runPool(missing, 8, async (path) => {
      try {
        const head = await s3Client.send(
          new HeadObjectCommand({ Bucket: bucket, Key: prefix + path }),
        )
        listing.set(path, { size: head.ContentLength, tag: stripQuotes(head.ETag) })
      } catch (err) {
        // A 404 is the answer "not there" (deleted by hand): it is uploaded again.
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata
        if (status?.httpStatusCode !== 404) throw explain(err)
      }
    })
  }

  return {
    location: `s3://${bucket}/${prefix}${endpoint ? ` at ${endpoint}` : ''}`,
    concurrency: 8,
    atomic: false,
    async connect() {
      // NOTE: the first page of the listing, not a HeadBucket: it proves the same things (the
      // host answers, the key is accepted, the bucket exists and may be listed) and `list` needs
      // it next, so a publish makes one round trip fewer.
      const page = listPage(undefined)
      firstPage = page
      await page
    },
    async list(previous: Manifest) {
      const listing: RemoteListing = new Map()
      let pages = 0
      // NOTE: ListObjects (v1) paged by Marker = last key, not V2 continuation tokens: every
      // S3-compatible store has it (GCS has only v1), and s3rver's V2 tokens use DES, which Node 20's
      // OpenSSL 3 lacks, so any bucket over 1,000 objects failed to list there.
      // NOTE: MaxKeys asks for more than a page: AWS, R2, B2 and MinIO clamp it to 1,000 and page
      // as usual, while stores that would return everything at once (s3rver, whose pages follow
      // directory order rather than key order, so paging by Marker skipped keys) do so in one trip.
      let next = firstPage ?? listPage(undefined)
      firstPage = null
      for (;;) {
        const page = await next
        pages++
        const objects = page.Contents ?? []
        for (const object of objects) {
          if (!object.Key || object.Key.endsWith('/')) continue
          listing.set(object.Key.slice(prefix.length), {
            size: object.Size,
            tag: stripQuotes(object.ETag),
          })
        }
        const last = objects.at(-1)?.Key
        if (!page.IsTruncated || !last) break
        next = listPage(last)
      }
      // NOTE: paging by Marker skips keys on a store that does not list in key order (s3rver
      // walks its folders, so `page-x/` comes after `page/2/...` and is then below the marker),
      // and nothing in the pages shows it. So after a paged listing, each file Folio published
      // that the listing lacks is asked about: none on a store that lists in order and was not
      // touched, one request per file deleted by hand (which is then uploaded anyway).
      if (pages > 1) await headMissing(previous, listing)
      return listing
    },
    async upload(file: LocalFile) {
      const params = {
        Bucket: bucket,
        Key: prefix + file.path,
        ContentType: contentTypeFor(file.path),
        CacheControl: cacheControlFor(file.path),
      }
      if (file.size > multipartThreshold) {
        const result = await send((s3Client) =>
          new Upload({
            client: s3Client,
            params: { ...params, Body: createReadStream(file.absPath) },
            partSize,
            queueSize: 4,
          }).done(),
        )
        return { remote: stripQuotes(result.ETag) }
      }
      const body = await readFile(file.absPath)
      const result = await send((s3Client) =>
        s3Client.send(new PutObjectCommand({ ...params, Body: body })),
      )
      return { remote: stripQuotes(result.ETag) }
    },
    async remove(path: string) {
      await send((s3Client) =>
        s3Client.send(new DeleteObjectCommand({ Bucket: bucket, Key: prefix + path })),
      )
    },
    async reset() {
      firstPage = null
      client?.destroy()
      client = null
    },
    async close() {
      client?.destroy()
      client = null
    },
  }
}
