/**
 * Which files of a workspace are articles: Markdown files under the layout's article folders,
 * one per page bundle (`name/index.md`), without section pages (`_index.md`), hidden folders,
 * temp files, or symlinks that lead out of the workspace.
 */
import { promises as fs, type Dirent } from 'node:fs'
import path from 'node:path'
import { FolioError } from '../errors'
import { isTempName } from './atomicWrite'
import { bundleIndex, markdownExt } from './fields'
import { isInside } from './paths'
import type { LayoutInfo, Workspace } from './types'

/** True when a file name is Markdown that can be an article (not `_index.md`, not a temp file). */
export function isArticleFileName(name: string): boolean {
  return (
    markdownExt.test(name) && !/^_index\./i.test(name) && !name.startsWith('.') && !isTempName(name)
  )
}

function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules'
}

/**
 * Refuses a workspace-relative path that cannot name an article (not a Markdown file, or in a
 * hidden folder such as `.git` or `.folio`), so a rename, copy or trash asked for with a wrong
 * path never moves the workspace root, `.git` or any other file: an 'invalid-argument' FolioError.
 */
export function checkArticlePath(relPath: string): void {
  if (isArticleName(relPath)) return
  throw new FolioError('invalid-argument', `"${relPath}" is not an article (a Markdown file).`, {
    path: relPath,
  })
}

/** True when workspace-relative `relPath` is a Markdown file outside hidden folders. */
function isArticleName(relPath: string): boolean {
  const parts = relPath.split('/')
  return isArticleFileName(parts[parts.length - 1]) && !parts.slice(0, -1).some(skipFolder)
}

/** True when workspace-relative `relPath` would be listed as an article of `ws` (by name only). */
export function isArticlePath(ws: LayoutInfo, relPath: string): boolean {
  if (!isArticleName(relPath)) return false
  return ws.articleDirs.some((dir) => dir === '' || relPath.startsWith(`${dir}/`))
}

async function isSafeLink(root: string, abs: string): Promise<'file' | 'skip'> {
  try {
    const real = await fs.realpath(abs)
    if (!isInside(root, real)) return 'skip'
    return (await fs.stat(real)).isFile() ? 'file' : 'skip'
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ELOOP') return 'skip'
    throw err
  }
}

async function readDir(abs: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(abs, { withFileTypes: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

async function walk(ws: Workspace, relDir: string, out: string[]): Promise<void> {
  const entries = await readDir(path.join(ws.root, relDir))
  const rel = (name: string) => (relDir ? `${relDir}/${name}` : name)
  const index = entries.find((e) => bundleIndex.test(e.name) && (e.isFile() || e.isSymbolicLink()))
  // A folder with index.md is a page bundle: its other files are the article's resources.
  if (index && relDir !== '' && !ws.articleDirs.includes(relDir)) {
    if (
      index.isFile() ||
      (await isSafeLink(ws.root, path.join(ws.root, rel(index.name)))) === 'file'
    )
      out.push(rel(index.name))
    return
  }
  const folders: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name)) folders.push(rel(entry.name))
    } else if (isArticleFileName(entry.name)) {
      // Symlinked folders are not followed (no loops, no escapes); symlinked files must stay inside.
      if (
        entry.isFile() ||
        (entry.isSymbolicLink() &&
          (await isSafeLink(ws.root, path.join(ws.root, rel(entry.name)))) === 'file')
      ) {
        out.push(rel(entry.name))
      }
    }
  }
  await Promise.all(folders.map((f) => walk(ws, f, out)))
}

/** Workspace-relative paths of all articles of `ws`, sorted by path. */
export async function findArticleFiles(ws: Workspace): Promise<string[]> {
  const out: string[] = []
  await Promise.all(ws.articleDirs.map((dir) => walk(ws, dir, out)))
  return [...new Set(out)].sort()
}

/** Workspace-relative paths of the static pages of `ws` (folio layout `pages/*.md`). */
export async function findPageFiles(ws: Workspace): Promise<string[]> {
  if (!ws.pagesDir) return []
  const out: string[] = []
  await walk({ ...ws, articleDirs: [ws.pagesDir] }, ws.pagesDir, out)
  return out.sort()
}
