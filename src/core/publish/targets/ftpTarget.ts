/**
 * The FTP/FTPS target (basic-ftp) for classic web hosting: explicit TLS unless `secure: false`,
 * each file uploaded under a temp name and renamed over the old one, so readers never see half a
 * file. FTP listings carry no content hash, so a remote file counts as Folio's when present with
 * the size Folio uploaded; a missing or resized file is uploaded again.
 */
import { readFile } from 'node:fs/promises'
import { Client, FTPError } from 'basic-ftp'
import { FolioError, toFolioError } from '../../errors'
import type { LocalFile } from '../localFiles'
import type { PublishTarget, RemoteListing, TargetContext } from '../publishTarget'
import { secretEnvName } from '../secretSource'
import {
  optionalNumber,
  optionalString,
  remoteJoin,
  requireString,
  resolveLocalPath,
} from '../targetConfig'

const tempMarker = '.folio-tmp-'

/** Creates the FTP target: `host`, `port` (21), `user`, `path`, `secure` (true), optional `ca` (PEM file). */
export function createFtpTarget(ctx: TargetContext): PublishTarget {
  const { config, ws } = ctx
  const name = config.name
  const host = requireString(config, 'host')
  const port = optionalNumber(config, 'port', 21)
  const user = requireString(config, 'user')
  const base = requireString(config, 'path').replace(/\/+$/, '') || '/'
  const secure = config.secure === false ? false : config.secure === 'implicit' ? 'implicit' : true
  const caFile = optionalString(config, 'ca')
  let client: Client | null = null
  const madeDirs = new Set<string>()
  const debris: string[] = []

  function explain(err: unknown): unknown {
    if (err instanceof FTPError && err.code === 530) {
      return new FolioError(
        'auth',
        `The FTP server ${host}:${port} refused the login of "${user}": check the user name and password of target "${name}".`,
        { path: name },
      )
    }
    return err
  }

  async function open(): Promise<Client> {
    const password = await ctx.secrets(name, 'password')
    if (password === undefined) {
      throw new FolioError(
        'auth',
        `Target "${name}" has no password; set it in the publish settings (or ${secretEnvName(name, 'password')}).`,
        { path: name },
      )
    }
    let ca: Buffer | undefined
    if (caFile) {
      const path = resolveLocalPath(ws.root, caFile)
      ca = await readFile(path).catch((err: unknown) => {
        throw new FolioError(
          'config',
          `The certificate "ca" of target "${name}" could not be read: ${toFolioError(err, path).message}`,
          { path: 'folio.yaml' },
        )
      })
    }
    const fresh = new Client(30_000)
    try {
      await fresh.access({
        host,
        port,
        user,
        password,
        secure,
        secureOptions: ca ? { ca } : undefined,
      })
    } catch (err) {
      fresh.close()
      throw explain(err)
    }
    return fresh
  }

  async function ftp(): Promise<Client> {
    if (client && !client.closed) return client
    madeDirs.clear()
    client = await open()
    return client
  }

  async function guard<T>(work: (c: Client) => Promise<T>): Promise<T> {
    try {
      return await work(await ftp())
    } catch (err) {
      throw explain(err)
    }
  }

  async function ensureDir(c: Client, dir: string): Promise<void> {
    if (madeDirs.has(dir)) return
    await c.ensureDir(dir)
    madeDirs.add(dir)
  }

  async function walk(c: Client, rel: string, out: RemoteListing): Promise<void> {
    const entries = await c.list(rel ? `${base}/${rel}` : base)
    for (const entry of entries) {
      if (entry.name === '.' || entry.name === '..') continue
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.name.startsWith(tempMarker)) debris.push(child)
      else if (entry.isDirectory) await walk(c, child, out)
      else if (entry.isFile) out.set(child, { size: entry.size })
    }
  }

  return {
    location: `${secure ? 'ftps' : 'ftp'}://${user}@${host}:${port}${base}`,
    // One FTP connection carries one transfer at a time.
    concurrency: 1,
    atomic: false,
    connect: () => guard((c) => ensureDir(c, base)),
    list: () =>
      guard(async (c) => {
        const listing: RemoteListing = new Map()
        await walk(c, '', listing)
        return listing
      }),
    upload: (file: LocalFile) =>
      guard(async (c) => {
        const dest = remoteJoin(base, file.path)
        const dir = dest.slice(0, dest.lastIndexOf('/')) || '/'
        await ensureDir(c, dir)
        const tmp = `${dir}/${tempMarker}${Math.random().toString(36).slice(2)}`
        await c.uploadFrom(file.absPath, tmp)
        await c.rename(tmp, dest)
        return {}
      }),
    remove: (path: string) =>
      guard(async (c) => {
        await c.remove(remoteJoin(base, path), true)
        // Remove folders the deletion emptied; the server refuses one that still holds files.
        const parts = path.split('/').slice(0, -1)
        while (parts.length > 0) {
          const dir = remoteJoin(base, parts.join('/'))
          const emptied = await c.removeEmptyDir(dir).then(
            () => true,
            () => false,
          )
          if (!emptied) break
          madeDirs.delete(dir)
          parts.pop()
        }
      }),
    finish: () =>
      guard(async (c) => {
        for (const path of debris.splice(0)) await c.remove(remoteJoin(base, path), true)
      }),
    async reset() {
      client?.close()
      client = null
    },
    async close() {
      client?.close()
      client = null
    },
  }
}
