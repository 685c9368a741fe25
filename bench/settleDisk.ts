/**
 * Before a cold build: writes every dirty page to disk and, when the bench may (root on Linux),
 * drops the page cache, as `hyperfine --prepare 'sync; echo 3 > /proc/sys/vm/drop_caches'` does.
 *
 * Why: a cold build starts by deleting the previous output, and on an ext4 file system without a
 * journal (this machine's) the kernel then skips every inode deleted in the last minutes while it
 * looks for a free one, reading their inode blocks as it goes. Whoever builds right after a large
 * delete pays for it, so Folio's and Hugo's cold runs each start from a settled disk instead.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** How the disk was settled before a cold run, for the bench output. */
export type DiskSettling = 'synced, page cache dropped' | 'synced'

/** Syncs the disk and drops the page cache when allowed; resolves what was done. */
export async function settleDisk(): Promise<DiskSettling> {
  await run('sync')
  try {
    await writeFile('/proc/sys/vm/drop_caches', '3')
    return 'synced, page cache dropped'
  } catch {
    // Not root, or not Linux: a sync alone still shortens how long deleted inodes count as recent.
    return 'synced'
  }
}
