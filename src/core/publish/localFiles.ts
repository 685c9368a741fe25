/**
 * The built site as a publish sees it: every file under the site folder with its sha256 and size.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { FolioError, toFolioError } from '../errors'

/** One file of the built site: `path` is relative with forward slashes, `absPath` is on disk. */
export interface LocalFile {
  path: string
  absPath: string
  hash: string
  size: number
}

/** Streams a file through sha256 and resolves the hex digest. */
export async function hashFile(absPath: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(absPath)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function listFiles(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true })
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) await listFiles(root, child, out)
    else if (entry.isFile()) out.push(child)
  }
}

/**
 * Hashes every regular file of a finished build, sorted by path. Fails with a FolioError when the
 * folder is missing or is not a folder (the site has to be built first).
 */
export async function scanSite(siteDir: string): Promise<LocalFile[]> {
  try {
    const info = await stat(siteDir)
    if (!info.isDirectory()) {
      throw new FolioError('not-a-folder', `The built site "${siteDir}" is not a folder.`, {
        path: siteDir,
      })
    }
    const paths: string[] = []
    await listFiles(siteDir, '', paths)
    paths.sort()
    const files: LocalFile[] = new Array(paths.length)
    // A few dozen at a time: fast on SSDs without opening thousands of files at once.
    let next = 0
    const hashNext = async (): Promise<void> => {
      while (next < paths.length) {
        const index = next++
        const absPath = join(siteDir, paths[index])
        const [hash, info] = await Promise.all([hashFile(absPath), stat(absPath)])
        files[index] = { path: paths[index], absPath, hash, size: info.size }
      }
    }
    await Promise.all(Array.from({ length: 32 }, hashNext))
    return files
  } catch (err) {
    throw toFolioError(err, siteDir)
  }
}
