/**
 * The folder target: copies the site into a local folder (a synced folder, a web server's
 * docroot). Each file is written beside its destination and renamed over it, so a reader never
 * sees half a file; the folder is listed and hashed on every publish, so hand edits are undone.
 */
import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { FolioError, toFolioError } from '../../errors'
import { hashFile, listFiles, parallelism, type LocalFile } from '../localFiles'
import type { Manifest } from '../manifest'
import type { PublishTarget, RemoteEntry, RemoteListing, TargetContext } from '../publishTarget'
import { runPool } from '../runPool'
import { requireString, resolveLocalPath } from '../targetConfig'

const tempMarker = '.folio-tmp-'

/** The absolute folder a folder target writes to. */
export function folderTargetPath(ctx: Pick<TargetContext, 'ws' | 'config'>): string {
  return resolveLocalPath(ctx.ws.root, requireString(ctx.config, 'path'))
}

function tagOf(info: { size: number; mtimeMs: number }): string {
  return `${info.size}:${Math.round(info.mtimeMs)}`
}

/** Creates the folder target described by `ctx.config` (`path`: relative, absolute or `~/...`). */
export function createFolderTarget(ctx: TargetContext): PublishTarget {
  const dir = folderTargetPath(ctx)
  const name = ctx.config.name
  /** Temp files an interrupted publish left behind; removed once this publish is through. */
  const debris: string[] = []

  async function checkFolder(): Promise<void> {
    let info
    try {
      info = await stat(dir)
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw toFolioError(err, dir)
      try {
        await mkdir(dir, { recursive: true })
      } catch (mkdirErr) {
        const cause = toFolioError(mkdirErr, dir)
        throw new FolioError(
          cause.code,
          `The folder "${dir}" of target "${name}" could not be created: ${cause.message}`,
          { path: name },
        )
      }
      return
    }
    if (!info.isDirectory()) {
      throw new FolioError(
        'not-a-folder',
        `Target "${name}" points at "${dir}", which is a file, not a folder. Change its path in folio.yaml.`,
        { path: name },
      )
    }
  }

  async function checkWritable(): Promise<void> {
    // NOTE: a real write, not access(): access() says yes to root and knows nothing of read-only mounts.
    const probe = join(dir, `${tempMarker}probe-${randomBytes(4).toString('hex')}`)
    try {
      await writeFile(probe, '')
      await rm(probe, { force: true })
    } catch (err) {
      const cause = toFolioError(err, dir)
      throw new FolioError(
        cause.code,
        `Folio cannot write into "${dir}" (target "${name}"): ${cause.message} Choose a folder you can write to.`,
        { path: name },
      )
    }
  }

  async function pruneEmptyParents(path: string): Promise<void> {
    for (let parent = dirname(path); parent !== '.' && parent !== ''; parent = dirname(parent)) {
      try {
        await rmdir(join(dir, parent))
      } catch (err) {
        const code = (err as { code?: string }).code
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return
        throw err
      }
    }
  }

  return {
    location: dir,
    concurrency: 8,
    atomic: false,
    async connect() {
      await checkFolder()
      await checkWritable()
    },
    async list(previous: Manifest): Promise<RemoteListing> {
      // A `.git` folder (a Pages checkout) is not the site's; temp files are an earlier publish's.
      const paths = await listFiles(dir, (rel, entry) => {
        if (entry.name === '.git') return false
        if (entry.name.startsWith(tempMarker)) debris.push(rel)
        return !entry.name.startsWith(tempMarker)
      })
      paths.sort()
      const entries: RemoteEntry[] = new Array(paths.length)
      const indexes = paths.map((_, i) => i)
      await runPool(indexes, parallelism, async (i) => {
        const abs = join(dir, paths[i])
        const info = await stat(abs)
        const tag = tagOf(info)
        const known = previous.get(paths[i])
        // Hash only what changed since Folio wrote it (size and mtime), as rsync does.
        const hash = known?.remote === tag ? known.hash : await hashFile(abs, info.size)
        entries[i] = { size: info.size, tag, hash }
      })
      return new Map(paths.map((path, i) => [path, entries[i]]))
    },
    async upload(file: LocalFile) {
      const dest = join(dir, file.path)
      const tmp = join(dirname(dest), `${tempMarker}${randomBytes(6).toString('hex')}`)
      try {
        await mkdir(dirname(dest), { recursive: true })
        await copyFile(file.absPath, tmp)
        await rename(tmp, dest)
        return { remote: tagOf(await stat(dest)) }
      } catch (err) {
        await rm(tmp, { force: true })
        throw toFolioError(err, dest)
      }
    },
    async remove(path: string) {
      try {
        await rm(join(dir, path), { force: true })
        await pruneEmptyParents(path)
      } catch (err) {
        throw toFolioError(err, join(dir, path))
      }
    },
    async finish() {
      for (const path of debris.splice(0))
        await rm(join(dir, path), { force: true, recursive: true })
    },
    async close() {},
  }
}
