/**
 * The content hashes of the built site from the last publish, keyed by each file's identity on
 * disk (size, mtime, ctime, inode), so a publish hashes only the files the build rewrote since.
 * It lives in `<ws>/.folio/publish/hash-cache.json` and is only a shortcut: losing it costs time.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toFolioError } from '../errors'
import { publishStateDir } from './manifest'

/** What identifies one version of a file on disk, as `stat` reports it. */
export interface FileStamp {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
}

/** size, mtimeMs, ctimeMs, ino, sha256: an array keeps the file small for 10,000 entries. */
type CacheRow = [number, number, number, number, string]

interface CacheFile {
  version: 1
  siteDir: string
  files: Record<string, CacheRow>
}

/**
 * Files changed less than this long before a scan began are hashed but not remembered: a file
 * system with coarse timestamps (FAT: 2 s) could rewrite them without a visible stamp change.
 */
export const racyWindowMs = 2000

/** The cache file of a workspace. */
export function hashCachePath(root: string): string {
  return join(publishStateDir(root), 'hash-cache.json')
}

function sameStamp(row: CacheRow, stamp: FileStamp): boolean {
  return (
    row[0] === stamp.size &&
    row[1] === stamp.mtimeMs &&
    row[2] === stamp.ctimeMs &&
    row[3] === stamp.ino
  )
}

/**
 * The hashes of one site folder. `lookup` answers only for a file whose stamp is unchanged;
 * `record` notes a fresh hash; `save` writes what this scan saw (and nothing it did not).
 */
export class HashCache {
  private readonly next: Record<string, CacheRow> = {}
  private hits = 0
  private recorded = 0

  constructor(
    private readonly root: string,
    private readonly siteDir: string,
    private readonly known: Record<string, CacheRow>,
    /** When the scan that uses this cache began (ms since the epoch). */
    private readonly scanStartedMs: number,
    /** The file on disk is damaged or made for another folder, so it is replaced in any case. */
    private readonly replace = false,
  ) {}

  /** The sha256 recorded for `path` at exactly this stamp, or undefined. */
  lookup(path: string, stamp: FileStamp): string | undefined {
    const row = Object.hasOwn(this.known, path) ? this.known[path] : undefined
    if (!row || !sameStamp(row, stamp)) return undefined
    this.next[path] = row
    this.hits++
    return row[4]
  }

  /** Remembers the hash of `path`, unless it changed too recently to trust its stamp. */
  record(path: string, stamp: FileStamp, hash: string): void {
    const newest = Math.max(stamp.mtimeMs, stamp.ctimeMs)
    if (newest >= this.scanStartedMs - racyWindowMs) return
    this.next[path] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, hash]
    this.recorded++
  }

  /**
   * Writes the cache (temp file + rename), holding only the files this scan looked up or hashed;
   * skips the write when the scan found exactly what the cache already held.
   */
  async save(): Promise<void> {
    const unchanged = this.recorded === 0 && this.hits === Object.keys(this.known).length
    if (unchanged && !this.replace) return
    const file = hashCachePath(this.root)
    const data: CacheFile = { version: 1, siteDir: this.siteDir, files: this.next }
    const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`
    try {
      await mkdir(publishStateDir(this.root), { recursive: true })
      await writeFile(tmp, JSON.stringify(data))
      await rename(tmp, file)
    } catch (err) {
      await rm(tmp, { force: true })
      throw toFolioError(err, file)
    }
  }
}

function parseCache(text: string, siteDir: string): Record<string, CacheRow> | null {
  let data: Partial<CacheFile>
  try {
    data = JSON.parse(text) as Partial<CacheFile>
  } catch (err) {
    // NOTE: a damaged cache (a crash mid-write on a file system without atomic rename) is
    // only a lost shortcut: every file is hashed again and the cache rewritten.
    if (err instanceof SyntaxError) return null
    throw err
  }
  if (typeof data !== 'object' || data === null) return null
  const usable = data.version === 1 && data.siteDir === siteDir && typeof data.files === 'object'
  return usable && data.files ? data.files : null
}

/**
 * Reads the workspace's hash cache for the site folder `siteDir` (absolute). A missing or damaged
 * cache, or one made for another folder, is an empty one; an unreadable file is a FolioError.
 */
export async function readHashCache(
  root: string,
  siteDir: string,
  scanStartedMs = Date.now(),
): Promise<HashCache> {
  const file = hashCachePath(root)
  let text: string | null = null
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw toFolioError(err, file)
  }
  const known = text === null ? {} : parseCache(text, siteDir)
  return new HashCache(root, siteDir, known ?? {}, scanStartedMs, known === null)
}
