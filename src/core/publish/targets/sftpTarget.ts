/**
 * The SFTP target (ssh2): key or password login, host key pinned or remembered, each file uploaded
 * beside its destination and renamed over it (posix-rename), so readers never see half a file.
 */
import { readFile } from 'node:fs/promises'
import { Client, type ConnectConfig, type SFTPWrapper, type Stats } from 'ssh2'
import { FolioError, toFolioError } from '../../errors'
import { decideHostKey, hostKeyFingerprint, knownHostKey, rememberHostKey } from '../knownHosts'
import type { LocalFile } from '../localFiles'
import type { PublishTarget, RemoteListing, TargetContext } from '../publishTarget'
import {
  optionalNumber,
  optionalString,
  remoteJoin,
  requireString,
  resolveLocalPath,
} from '../targetConfig'

const SFTP_NO_SUCH_FILE = 2
const dirMode = 0o040000
const typeMask = 0o170000

interface Session {
  client: Client
  sftp: SFTPWrapper
  /** Rejects when the connection is gone: ssh2 leaves requests in flight unanswered then. */
  lost: Promise<never>
}

function call<T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))))
}

function isMissing(err: unknown): boolean {
  return (err as { code?: unknown }).code === SFTP_NO_SUCH_FILE
}

function tagOf(stats: Stats): string {
  return `${stats.size}:${stats.mtime}`
}

/** Creates the SFTP target: `host`, `port` (22), `user`, `path`, `privateKey` (file), `hostKey`. */
export function createSftpTarget(ctx: TargetContext): PublishTarget {
  const { config, ws } = ctx
  const host = requireString(config, 'host')
  const port = optionalNumber(config, 'port', 22)
  const user = requireString(config, 'user')
  const base = requireString(config, 'path').replace(/\/+$/, '') || '/'
  const keyFile = optionalString(config, 'privateKey')
  const pinned = optionalString(config, 'hostKey')
  const name = config.name
  let session: Promise<Session> | null = null
  let liveClient: Client | null = null
  const madeDirs = new Set<string>()
  /** Half-written temp files an interrupted publish left; removed once this publish is through. */
  const debris: string[] = []

  async function credentials(): Promise<Partial<ConnectConfig>> {
    const password = await ctx.secrets(name, 'password')
    const passphrase = await ctx.secrets(name, 'passphrase')
    let privateKey: string | Buffer | undefined = await ctx.secrets(name, 'privateKey')
    if (privateKey === undefined && keyFile) {
      const path = resolveLocalPath(ws.root, keyFile)
      try {
        privateKey = await readFile(path)
      } catch (err) {
        const cause = toFolioError(err, path)
        throw new FolioError(
          'config',
          `The private key of target "${name}" could not be read: ${cause.message}`,
          { path: 'folio.yaml' },
        )
      }
    }
    if (privateKey === undefined && password === undefined) {
      throw new FolioError(
        'auth',
        `Target "${name}" has no password or private key; set one in the publish settings (or FOLIO_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PASSWORD).`,
        { path: name },
      )
    }
    return { password, privateKey, passphrase }
  }

  async function open(): Promise<Session> {
    const login = await credentials()
    const known = pinned ? undefined : await knownHostKey(ws.root, host, port)
    let refusal: FolioError | undefined
    let toRemember: string | undefined
    const client = new Client()
    const lost = new Promise<never>((_, reject) => {
      const drop = () =>
        reject(
          Object.assign(new Error(`The SFTP connection to ${host}:${port} was lost`), {
            code: 'ECONNRESET',
          }),
        )
      client.on('close', drop)
      client.on('error', drop)
    })
    // NOTE: observed by every request through race(); this only keeps an idle loss from crashing.
    lost.catch(() => undefined)
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve())
      client.once('error', (err: Error & { level?: string }) => {
        if (refusal) reject(refusal)
        else if (err.level === 'client-authentication') {
          reject(
            new FolioError(
              'auth',
              `The server ${host}:${port} refused the login of "${user}": check the user name, password or key of target "${name}".`,
              { path: name },
            ),
          )
        } else reject(err)
      })
      client.connect({
        host,
        port,
        username: user,
        ...login,
        readyTimeout: 20_000,
        keepaliveInterval: 10_000,
        hostVerifier: (key: Buffer) => {
          const fingerprint = hostKeyFingerprint(key)
          const decision = decideHostKey({
            target: name,
            host,
            port,
            fingerprint,
            pinned,
            known,
            trust: ctx.trustHostKey,
          })
          if (!decision.accept) refusal = decision.error
          else if (decision.remember) toRemember = fingerprint
          return decision.accept
        },
      })
    })
    if (toRemember) await rememberHostKey(ws.root, host, port, toRemember)
    const sftp = await Promise.race([call<SFTPWrapper>((cb) => client.sftp(cb)), lost])
    liveClient = client
    client.on('close', () => {
      if (liveClient !== client) return
      liveClient = null
      session = null
      madeDirs.clear()
    })
    return { client, sftp, lost }
  }

  function connection(): Promise<Session> {
    session ??= open().catch((err: unknown) => {
      session = null
      throw err
    })
    return session
  }

  /** Runs `work` on the open session; fails as a network error if the connection drops meanwhile. */
  async function withSftp<T>(work: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
    const { sftp, lost } = await connection()
    return Promise.race([work(sftp), lost])
  }

  async function ensureDir(sftp: SFTPWrapper, dir: string): Promise<void> {
    if (dir === '' || dir === '/' || madeDirs.has(dir)) return
    try {
      const stats = await call<Stats>((cb) => sftp.stat(dir, cb))
      if ((stats.mode & typeMask) !== dirMode) {
        throw new FolioError('publish-failed', `"${dir}" on ${host} is a file, not a folder.`, {
          path: name,
        })
      }
    } catch (err) {
      if (!isMissing(err)) throw err
      await ensureDir(sftp, dir.slice(0, dir.lastIndexOf('/')))
      await call<void>((cb) => sftp.mkdir(dir, (e) => cb(e, undefined))).catch(
        async (mkdirErr: unknown) => {
          // NOTE: a parallel upload may have made it first; only a folder that still is not there fails.
          const stats = await call<Stats>((cb) => sftp.stat(dir, cb)).catch(() => null)
          if (!stats) throw mkdirErr
        },
      )
    }
    madeDirs.add(dir)
  }

  async function walk(sftp: SFTPWrapper, rel: string, out: RemoteListing): Promise<void> {
    const dir = rel ? `${base}/${rel}` : base
    const entries = await call<{ filename: string; attrs: Stats }[]>((cb) => sftp.readdir(dir, cb))
    await Promise.all(
      entries.map(async (entry) => {
        const child = rel ? `${rel}/${entry.filename}` : entry.filename
        if (entry.filename.startsWith('.folio-tmp-')) {
          debris.push(child)
          return
        }
        const kind = entry.attrs.mode & typeMask
        if (kind === dirMode) await walk(sftp, child, out)
        else if (kind === 0o100000)
          out.set(child, { size: entry.attrs.size, tag: tagOf(entry.attrs) })
      }),
    )
  }

  return {
    location: `sftp://${user}@${host}:${port}${base}`,
    concurrency: 4,
    atomic: false,
    connect: () => withSftp((sftp) => ensureDir(sftp, base)),
    list: () =>
      withSftp(async (sftp) => {
        const listing: RemoteListing = new Map()
        await walk(sftp, '', listing)
        return listing
      }),
    upload: (file: LocalFile) =>
      withSftp(async (sftp) => {
        const dest = remoteJoin(base, file.path)
        const dir = dest.slice(0, dest.lastIndexOf('/'))
        await ensureDir(sftp, dir)
        const tmp = `${dir}/.folio-tmp-${Math.random().toString(36).slice(2)}`
        await call<void>((cb) => sftp.fastPut(file.absPath, tmp, (e) => cb(e, undefined)))
        await call<void>((cb) => sftp.ext_openssh_rename(tmp, dest, (e) => cb(e, undefined)))
        return {
          remote: tagOf(await call<Stats>((cb) => sftp.stat(dest, cb))),
        }
      }),
    remove: (path: string) =>
      withSftp(async (sftp) => {
        try {
          await call<void>((cb) => sftp.unlink(remoteJoin(base, path), (e) => cb(e, undefined)))
        } catch (err) {
          if (!isMissing(err)) throw err
        }
        // Remove folders the deletion emptied; rmdir refuses a folder that still holds files.
        const parts = path.split('/').slice(0, -1)
        while (parts.length > 0) {
          const dir = remoteJoin(base, parts.join('/'))
          const removed = await call<void>((cb) => sftp.rmdir(dir, (e) => cb(e, undefined))).then(
            () => true,
            () => false,
          )
          if (!removed) break
          madeDirs.delete(dir)
          parts.pop()
        }
      }),
    // A session that never opened has nothing to end, so its error is not rethrown here.
    async reset() {
      const current = session
      session = null
      liveClient = null
      madeDirs.clear()
      if (current) (await current.catch(() => null))?.client.end()
    },
    finish: () =>
      withSftp(async (sftp) => {
        for (const path of debris.splice(0)) {
          await call<void>((cb) =>
            sftp.unlink(remoteJoin(base, path), (e) => cb(e, undefined)),
          ).catch((err: unknown) => {
            if (!isMissing(err)) throw err
          })
        }
      }),
    async close() {
      const current = session
      session = null
      liveClient = null
      if (current) (await current.catch(() => null))?.client.end()
    },
  }
}
