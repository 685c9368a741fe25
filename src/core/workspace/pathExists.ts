/** Whether something (file, folder or link, even a dangling one) exists at a path. */
import { promises as fs } from 'node:fs'

/** True when `abs` names an existing entry; other errors than "not found" are thrown. */
export async function pathExists(abs: string): Promise<boolean> {
  return fs.lstat(abs).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return false
      throw err
    },
  )
}
