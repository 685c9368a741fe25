/**
 * Writing a file so that it is, at every instant and after any crash, either the old content
 * or the new one: temp file in the same folder, write, fsync, rename over, fsync the folder.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'

/** The name of the temp file used while writing `absPath`; the watcher and listing skip these. */
export function tempNameFor(absPath: string): string {
  return path.join(
    path.dirname(absPath),
    `.${path.basename(absPath)}.${randomBytes(6).toString('hex')}.folio-tmp`,
  )
}

/** True for temp files made by `atomicWrite`. */
export function isTempName(fileName: string): boolean {
  return fileName.endsWith('.folio-tmp')
}

async function fsyncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** How `atomicWrite` treats the file it replaces. */
export interface AtomicWriteOptions {
  /** File mode for the new file (e.g. the mode of the file being replaced). */
  mode?: number
  /** Fail with EEXIST instead of replacing an existing file. */
  noClobber?: boolean
}

/**
 * Replaces (or creates) `absPath` with `data` atomically. On any failure the old file is intact,
 * the temp file is removed, and the Node error is thrown for the caller to name.
 */
export async function atomicWrite(
  absPath: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempNameFor(absPath)
  const mode = options.mode ?? 0o644
  try {
    const handle = await fs.open(temp, 'wx', mode)
    try {
      await handle.writeFile(data)
      // The open mode is filtered by the umask; the replaced file's mode must survive exactly.
      if (options.mode !== undefined) await handle.chmod(mode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.noClobber) {
      // link() fails with EEXIST instead of replacing, which rename() would do silently.
      await fs.link(temp, absPath)
      await fs.unlink(temp)
    } else {
      await fs.rename(temp, absPath)
    }
    await fsyncFolder(path.dirname(absPath))
  } catch (err) {
    await fs.rm(temp, { force: true }).catch((cleanupErr: unknown) => {
      // NOTE: the write error is what the user must see; a leftover temp file is named in it.
      if (err instanceof Error)
        err.message += ` (the temporary file ${temp} could not be removed: ${String(cleanupErr)})`
    })
    throw err
  }
}
