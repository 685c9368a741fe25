/**
 * Reading and writing the JSON files of the build cache, keeping the value of each file this
 * process last read or wrote in memory while the file's size and modification time stay the
 * same: the next build in the same process then parses only files someone else changed.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { toFolioError } from '../errors'

/** Files kept in memory: the shards of two records and the small files, for two workspaces. */
const memoLimit = 80

// NOTE: a remembered value is shared by every build that reads it; callers must not mutate it.
const memos = new Map<string, { stamp: string; value: unknown }>()

function remember(file: string, stamp: string, value: unknown): void {
  memos.delete(file)
  memos.set(file, { stamp, value })
  if (memos.size > memoLimit) memos.delete(memos.keys().next().value as string)
}

/** `size:mtimeMs` of `file`, or null when it does not exist. */
async function fileStamp(file: string): Promise<string | null> {
  try {
    const st = await fs.stat(file)
    return `${st.size}:${st.mtimeMs}`
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw toFolioError(err, file)
  }
}

/**
 * The parsed JSON of cache file `file` (absolute), or null when it is missing or is not JSON (a
 * torn or foreign cache file only makes the build do the work again). With `keep` the value is
 * kept for later reads and shared with them, so it must not be changed; without, it is the
 * caller's (for the many small files a build reads once).
 */
export async function readCacheJson(file: string, keep = true): Promise<unknown> {
  const stamp = keep ? await fileStamp(file) : null
  if (keep && stamp === null) return null
  const memo = memos.get(file)
  if (memo && memo.stamp === stamp) return memo.value
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw toFolioError(err, file)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    if (err instanceof SyntaxError) return null
    throw err
  }
  // NOTE: the stamp was taken before the read, so a write in between only costs a re-read.
  if (stamp !== null) remember(file, stamp, value)
  return value
}

/**
 * Writes `value` as JSON to cache file `file` (absolute) in one step (a temporary file renamed
 * over it), creating its folder. `value` is kept for later reads and must not be changed.
 */
export async function writeCacheJson(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(tmp, JSON.stringify(value))
  const stamp = await fileStamp(tmp)
  await fs.rename(tmp, file)
  if (stamp !== null) remember(file, stamp, value)
}
