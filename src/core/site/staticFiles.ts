/** Folders copied into the site as they are: theme assets, the workspace's `static/`, KaTeX's CSS. */
import { promises as fs } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { toFolioError } from '../errors'
import type { SiteFiles } from './siteFiles'

/** Lists every file under `dir` (absolute), as paths relative to it; [] when `dir` does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return []
    throw toFolioError(err, dir)
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort()
}

/** The version key of a file to copy: its path, size and modification time. */
export async function copyKey(abs: string): Promise<string> {
  const st = await fs.stat(abs)
  return `copy:${abs}:${st.size}:${st.mtimeMs}`
}

/** Adds a copy of every file under absolute `dir` to the site under `prefix` (e.g. `assets/`). */
export async function copyFolder(files: SiteFiles, dir: string, prefix: string): Promise<void> {
  const rels = await filesUnder(dir)
  const keys = await Promise.all(rels.map((rel) => copyKey(path.join(dir, rel))))
  rels.forEach((rel, i) => files.copy(prefix + rel, path.join(dir, rel), keys[i]))
}

/** Adds KaTeX's stylesheet and its WOFF2 fonts under `assets/katex/`, for pages with math. */
export async function copyKatexAssets(files: SiteFiles): Promise<void> {
  const css = createRequire(import.meta.url).resolve('katex/dist/katex.min.css')
  files.copy('assets/katex/katex.min.css', css, await copyKey(css))
  const fonts = path.join(path.dirname(css), 'fonts')
  for (const rel of await filesUnder(fonts)) {
    const from = path.join(fonts, rel)
    if (rel.endsWith('.woff2')) files.copy(`assets/katex/fonts/${rel}`, from, await copyKey(from))
  }
}
