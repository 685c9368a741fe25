/**
 * Renaming an article: a new slug for its file or bundle folder, and every relative link to it
 * from other articles updated, each through the same conflict-checked save as the editor's.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'
import { findArticleFiles, findPageFiles } from './articleFiles'
import { slugOf } from './fields'
import { articleUnit, withSlug } from './articleUnit'
import { contentHash } from './hash'
import { splitTarget } from '../markdown/urlText'
import { findLinks, relativeLink, resolveLink } from './links'
import { retargetPageLinks } from './pageLinks'
import { pathExists } from './pathExists'
import { resolveInside } from './paths'
import { readArticle } from './read'
import { saveArticle } from './save'
import { slugify } from './slug'
import type { Workspace } from './types'
import { knownVersion, rememberRemoval, rememberVersion, writingVersion } from './versions'
import type { RenameResult } from '../api'
export type { RenameResult }

/** Layouts whose site Folio itself builds, with every article and page at `/<slug>/`. */
const folioBuiltLayouts = new Set(['folio', 'plain'])

/** `text` with links that point at `from` (or inside it, for a folder) pointing at `to` instead. */
export function retargetLinks(text: string, file: string, from: string, to: string): string {
  let out = ''
  let last = 0
  for (const link of findLinks(text)) {
    const resolved = resolveLink(file, link.target)
    if (resolved === null || (resolved !== from && !resolved.startsWith(`${from}/`))) continue
    const { pathPart, suffix } = splitTarget(link.target)
    const slash = pathPart.endsWith('/') ? '/' : ''
    const target = relativeLink(file, to + resolved.slice(from.length)) + slash + suffix
    out += text.slice(last, link.start) + target
    last = link.end
  }
  return out + text.slice(last)
}

async function moveNoClobber(fromAbs: string, toAbs: string, isDir: boolean): Promise<void> {
  if (!isDir) {
    // link() refuses to replace an existing file; rename() would silently do so.
    await fs.link(fromAbs, toAbs)
    await fs.unlink(fromAbs)
    return
  }
  if (await pathExists(toAbs)) throw Object.assign(new Error('exists'), { code: 'EEXIST' })
  await fs.rename(fromAbs, toAbs)
}

/**
 * Renames the article at `relPath` to `newSlug` (made portable with `slugify`): the file (keeping
 * a Jekyll date prefix) or the bundle folder. Throws FolioError 'exists' when the name is taken.
 * Links to it in other articles and pages are updated, both to its file and (where Folio builds
 * the site) to its page's URL; a Folio save is never reported as outside.
 */
export async function renameArticle(
  ws: Workspace,
  relPath: string,
  newSlug: string,
): Promise<RenameResult> {
  const unit = articleUnit(ws, relPath)
  const target = withSlug(unit, slugify(newSlug))
  if (target.moved === unit.moved) return { path: relPath, updated: [], skipped: [] }
  const fromAbs = await resolveInside(ws, unit.moved)
  const toAbs = await resolveInside(ws, target.moved)
  const fileAbs = await resolveInside(ws, unit.file)
  const newFileAbs = await resolveInside(ws, target.file)
  const bytes = await fs.readFile(fileAbs).catch((err: unknown) => {
    throw toFolioError(err, relPath)
  })
  // NOTE: the old path is forgotten first, so its disappearance is not reported as outside.
  const previous = knownVersion(fileAbs)
  rememberRemoval(fileAbs)
  try {
    await writingVersion(newFileAbs, contentHash(bytes), () =>
      moveNoClobber(fromAbs, toAbs, unit.isBundle),
    )
  } catch (err) {
    rememberVersion(fileAbs, previous ?? null)
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new FolioError('exists', `"${target.moved}" already exists; choose another name.`, {
        path: target.moved,
      })
    }
    throw toFolioError(err, relPath)
  }
  const others = [...(await findArticleFiles(ws)), ...(await findPageFiles(ws))].filter(
    (p) => p !== target.file,
  )
  const change = { from: unit.slug, to: slugOf(ws, target.file) }
  // Links to the page's URL follow only where Folio builds the site (`/<slug>/`); in a Hugo or
  // Jekyll folder `/old-slug/` means whatever that engine puts there.
  const pageUrls = folioBuiltLayouts.has(ws.layout) && change.from !== change.to
  const retarget = (text: string, file: string): string => {
    const moved = retargetLinks(text, file, unit.moved, target.moved)
    return pageUrls ? retargetPageLinks(moved, slugOf(ws, file), change, ws.config) : moved
  }
  const updated: string[] = []
  const skipped: string[] = []
  // The renamed article's own links to its page (`../old-slug/#part`) follow too.
  if (pageUrls) others.unshift(target.file)
  for (const other of others) {
    try {
      const doc = await readArticle(ws, other)
      const text =
        other === target.file
          ? retargetPageLinks(doc.text, change.to, change, ws.config)
          : retarget(doc.text, other)
      if (text === doc.text) continue
      const result = await saveArticle(ws, other, text, doc.version)
      if (result.status === 'saved') updated.push(other)
      else skipped.push(other)
    } catch (err) {
      if (!(err instanceof FolioError)) throw err
      // Files Folio cannot open as text cannot be edited here; anything else is reported.
      if (err.code !== 'unreadable' && err.code !== 'too-large') skipped.push(other)
    }
  }
  return { path: target.file, updated, skipped }
}

/** Finds the first free slug `base`, `base-2`, ... for `unit`'s folder; returns its paths. */
export async function freeSlug(
  ws: Workspace,
  unit: ReturnType<typeof articleUnit>,
  base: string,
): Promise<{ slug: string; file: string; moved: string }> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const paths = withSlug(unit, slug)
    const abs = await resolveInside(ws, paths.moved)
    const bundle = path.join(path.dirname(abs), slug)
    if (!(await pathExists(abs)) && !(await pathExists(bundle))) return { slug, ...paths }
  }
}
