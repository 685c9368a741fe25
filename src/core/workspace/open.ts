/** Opening a folder as a workspace: checks access, detects the layout, reads the settings. */
import { constants, promises as fs } from 'node:fs'
import { FolioError, toFolioError } from '../errors'
import { readConfig } from './config'
import { detectLayout } from './layout'
import { removeStaleTempFiles } from './staleTemps'
import type { Workspace } from './types'

/**
 * Opens the folder at absolute path `root`, removing temp files that interrupted saves left in
 * its content folders more than a few minutes ago. Throws FolioError 'not-found', 'not-a-folder',
 * 'permission-denied' (cannot be read) or 'read-only' (cannot be written). A broken config file
 * does not fail the open: it is reported in `configError` and defaults are used.
 */
export async function openWorkspace(root: string): Promise<Workspace> {
  let real: string
  try {
    real = await fs.realpath(root)
    const st = await fs.stat(real)
    if (!st.isDirectory()) {
      throw new FolioError(
        'not-a-folder',
        `"${root}" is a file; choose the folder that holds your blog.`,
        { path: root },
      )
    }
  } catch (err) {
    const e = toFolioError(err, root)
    if (e.code === 'not-found')
      throw new FolioError(
        'not-found',
        `The folder "${root}" does not exist; choose another folder.`,
        { path: root },
      )
    throw e
  }
  await checkAccess(real, constants.R_OK | constants.X_OK, () => {
    return new FolioError(
      'permission-denied',
      `The folder "${root}" cannot be read: permission denied. Check its permissions.`,
      { path: root },
    )
  })
  await checkAccess(real, constants.W_OK, () => {
    return new FolioError(
      'read-only',
      `The folder "${root}" is read-only, so Folio could not save your articles there. Choose a folder you can write to.`,
      { path: root },
    )
  })
  const layout = await detectLayout(real)
  await removeStaleTempFiles(real, layout)
  const { config, configError } = await readConfig(real, layout)
  const ws: Workspace = { root: real, ...layout, config }
  if (configError) ws.configError = configError
  return ws
}

/** Throws `denied()` when `abs` lacks the `mode` access; other failures keep their own meaning. */
async function checkAccess(abs: string, mode: number, denied: () => FolioError): Promise<void> {
  try {
    await fs.access(abs, mode)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw denied()
    throw toFolioError(err, abs)
  }
}
