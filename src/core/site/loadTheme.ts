/**
 * Loading a site theme into memory: the workspace's own `themes/<name>/` when it exists, else the
 * default theme that ships with Folio. Only templates and the stylesheet are read; a theme has no
 * code to run.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { ThemeBundle } from '../api'
import { FolioError, toFolioError } from '../errors'
import type { Workspace } from '../workspace'
import { resourcesDir } from './resourcesDir'

/** Where a workspace's theme lives on disk. */
export interface ThemeLocation {
  name: string
  /** Absolute folder of the theme. */
  dir: string
  /** True when the theme comes from the workspace (`themes/<name>/`). */
  inWorkspace: boolean
}

/** Finds the theme `ws.config.theme` names: the workspace's copy first, then Folio's bundled one. */
export async function locateTheme(ws: Pick<Workspace, 'root' | 'config'>): Promise<ThemeLocation> {
  const name = ws.config.theme || 'default'
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) {
    throw new FolioError(
      'config',
      `Theme name "${name}" is not a folder name; use letters, digits, "-" or "_".`,
      {
        path: 'folio.yaml',
      },
    )
  }
  const own = path.join(ws.root, 'themes', name)
  if (await isFolder(own)) return { name, dir: own, inWorkspace: true }
  const bundled = path.join(resourcesDir(), 'themes', name)
  if (await isFolder(bundled)) return { name, dir: bundled, inWorkspace: false }
  throw new FolioError(
    'not-found',
    `Theme "${name}" was not found in themes/${name}/; copy a theme there or set "theme: default" in folio.yaml.`,
    { path: `themes/${name}` },
  )
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory()
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return false
    throw toFolioError(err, dir)
  }
}

async function liquidFiles(dir: string, prefix: string): Promise<string[]> {
  let entries
  try {
    entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true })
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return []
    throw err
  }
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const rel = `${prefix}/${entry.name}`
      if (entry.isDirectory()) return liquidFiles(dir, rel)
      return entry.isFile() && entry.name.endsWith('.liquid') ? [rel] : []
    }),
  )
  return nested.flat()
}

/** Reads a theme folder's templates (`layouts/**`, `partials/**`) and `assets/style.css`. */
export async function readThemeBundle(location: ThemeLocation): Promise<ThemeBundle> {
  try {
    const files = [
      ...(await liquidFiles(location.dir, 'layouts')),
      ...(await liquidFiles(location.dir, 'partials')),
    ].sort()
    const templates: Record<string, string> = {}
    for (const file of files)
      templates[file] = await fs.readFile(path.join(location.dir, file), 'utf8')
    const css = await fs
      .readFile(path.join(location.dir, 'assets', 'style.css'), 'utf8')
      .catch((err) => {
        if ((err as { code?: string }).code === 'ENOENT') return ''
        throw err
      })
    return { name: location.name, templates, css }
  } catch (err) {
    throw toFolioError(err, `themes/${location.name}`)
  }
}

/** The theme of `ws`, loaded into memory for the build and the preview. */
export async function loadTheme(ws: Pick<Workspace, 'root' | 'config'>): Promise<ThemeBundle> {
  return readThemeBundle(await locateTheme(ws))
}
