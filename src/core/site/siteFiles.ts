/**
 * The files of a site being built, held until the build is done. A first build writes them into
 * a fresh folder that replaces the output folder in one step; a rebuild writes only the files
 * whose inputs changed, staging them all before renaming any into place, so a failed build never
 * leaves half a site.
 */
import { createHash, randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'

/** The key of generated content: its hash. */
export function contentKey(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex')
}

/**
 * Site-relative path → content to write, an absolute source file to copy, or a file the last
 * build wrote from the same inputs (kept). Every entry has the key of its inputs.
 */
export class SiteFiles {
  readonly written = new Map<string, Uint8Array>()
  readonly copied = new Map<string, string>()
  readonly kept = new Set<string>()
  readonly keys = new Map<string, string>()

  private forget(to: string): void {
    this.written.delete(to)
    this.copied.delete(to)
    this.kept.delete(to)
  }

  /**
   * Adds a generated file at site-relative `to`; a later write to the same path wins. Text is
   * held as its UTF-8 bytes (as it will be written): thousands of pages kept as strings until the
   * end of a build made the garbage collector trace them over and over.
   */
  write(to: string, content: string | Uint8Array, key = contentKey(content)): void {
    this.forget(to)
    this.written.set(to, typeof content === 'string' ? Buffer.from(content) : content)
    this.keys.set(to, key)
  }

  /** Adds a copy of the absolute file `from` to site-relative `to`; `key` names its version. */
  copy(to: string, from: string, key = `copy:${from}`): void {
    this.forget(to)
    this.copied.set(to, from)
    this.keys.set(to, key)
  }

  /** Keeps the file at `to` as the last build wrote it from inputs with the same `key`. */
  keep(to: string, key: string): void {
    this.forget(to)
    this.kept.add(to)
    this.keys.set(to, key)
  }

  /** Removes the entry at `to` (a copy whose source turned out to be missing). */
  remove(to: string): void {
    this.forget(to)
    this.keys.delete(to)
  }

  has(to: string): boolean {
    return this.keys.has(to)
  }

  get size(): number {
    return this.keys.size
  }
}

/** Refuses an output folder that is, or contains, the workspace: replacing it would delete the articles. */
export function checkOutDir(outDir: string, workspaceRoot: string): void {
  const rel = path.relative(path.resolve(outDir), path.resolve(workspaceRoot))
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new FolioError(
      'invalid-argument',
      `The output folder ${outDir} contains the workspace; choose a folder such as "public" inside or beside it.`,
    )
  }
}

/**
 * The file every build leaves at the top of its output folder. A first build replaces its output
 * folder whole, so it only replaces a folder that holds this file, or nothing: pointed by mistake
 * at a folder of articles or photos (`folio build --out posts`), it stops instead of deleting
 * them. Publishing leaves the file out.
 */
export const siteMarkerName = '.folio-site'

const siteMarkerText =
  'This folder is a site built by Folio (folio build). The next build replaces everything in it.\n'

/**
 * Refuses to replace `target` (the output folder `outDir`, resolved) unless it is missing, empty
 * or a site Folio built: a 'not-a-folder' or 'exists' FolioError naming what is in it.
 */
async function checkReplaceable(target: string, outDir: string): Promise<void> {
  let entries: string[]
  try {
    entries = await fs.readdir(target)
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'ENOENT') return
    if (code === 'ENOTDIR') {
      throw new FolioError(
        'not-a-folder',
        `The output folder ${outDir} is a file, not a folder; choose a folder for the site.`,
        { path: outDir },
      )
    }
    throw toFolioError(err, outDir)
  }
  if (entries.length === 0 || entries.includes(siteMarkerName)) return
  const shown = entries
    .sort()
    .slice(0, 3)
    .map((name) => `"${name}"`)
    .join(', ')
  throw new FolioError(
    'exists',
    `The output folder ${outDir} holds files that Folio did not build (${shown}${entries.length > 3 ? ', …' : ''}). ` +
      'A build replaces everything in its output folder, so Folio will not build into this one: ' +
      'choose a new or empty folder, or move those files away first.',
    { path: outDir },
  )
}

/** Leaves the marker in a site folder written before builds left one. */
async function ensureSiteMarker(dir: string): Promise<void> {
  try {
    await fs.writeFile(path.join(dir, siteMarkerName), siteMarkerText, { flag: 'wx' })
  } catch (err) {
    if ((err as { code?: string }).code !== 'EEXIST') throw err
  }
}

/**
 * Runs `jobs` at most `limit` at a time (thousands of files at once would exhaust file handles).
 * After a failure no new job starts, and the first failure is thrown only once the jobs already
 * running have settled, so a caller that cleans up after it never races a write still going on.
 */
async function runLimited(jobs: (() => Promise<void>)[], limit = 32): Promise<void> {
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (!failed && next < jobs.length) {
      try {
        await jobs[next++]()
      } catch (err) {
        failed = true
        throw err
      }
    }
  }
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(limit, jobs.length) }, worker),
  )
  const failure = outcomes.find((outcome) => outcome.status === 'rejected')
  if (failure) throw failure.reason
}

/**
 * Creates the folders of the site-relative files `rels` under `dir` (which exists): a level at a
 * time, each level's folders in parallel, so thousands of article folders cost a few batches of
 * plain `mkdir` calls instead of one recursive call after another.
 */
async function makeFolders(dir: string, rels: Iterable<string>): Promise<void> {
  const levels: Set<string>[] = []
  for (const rel of rels) {
    const parts = rel.split('/').slice(0, -1)
    for (let depth = 1; depth <= parts.length; depth++) {
      levels[depth - 1] ??= new Set()
      levels[depth - 1].add(parts.slice(0, depth).join('/'))
    }
  }
  for (const level of levels) {
    await runLimited(
      [...level].map((folder) => async () => {
        try {
          await fs.mkdir(path.join(dir, folder))
        } catch (err) {
          if ((err as { code?: string }).code !== 'EEXIST') throw err
        }
      }),
    )
  }
}

/** Writes (or copies) the entry `rel` of `files` to the absolute path `dest`. */
function writeEntry(files: SiteFiles, rel: string, dest: string): Promise<void> {
  const content = files.written.get(rel)
  if (content !== undefined) return fs.writeFile(dest, content)
  return fs.copyFile(files.copied.get(rel) as string, dest)
}

async function writeAll(dir: string, files: SiteFiles): Promise<void> {
  if (files.kept.size)
    throw new FolioError('internal', 'A fresh site folder cannot keep files from a previous build.')
  const rels = [...files.written.keys(), ...files.copied.keys()]
  await makeFolders(dir, rels)
  await runLimited(rels.map((rel) => () => writeEntry(files, rel, path.join(dir, rel))))
}

/** Which files a rebuild must write and which it must remove, given the last build's keys. */
export function siteChanges(
  files: SiteFiles,
  previous: Record<string, string>,
): { write: string[]; remove: string[] } {
  const write: string[] = []
  for (const rel of [...files.written.keys(), ...files.copied.keys()]) {
    if (!Object.hasOwn(previous, rel) || previous[rel] !== files.keys.get(rel)) write.push(rel)
  }
  const remove = Object.keys(previous).filter((rel) => !files.keys.has(rel))
  return { write, remove }
}

/**
 * Updates the built site in `outDir` in place from the last build's `previous` keys: every
 * changed file is first written beside its destination under a temporary name, and only when all
 * of them are written are they renamed into place and removed files deleted. Resolves the number
 * of files written and removed.
 */
export async function updateSite(
  outDir: string,
  files: SiteFiles,
  previous: Record<string, string>,
): Promise<{ written: number; removed: number }> {
  const { write, remove } = siteChanges(files, previous)
  const suffix = `.folio-${randomBytes(4).toString('hex')}.tmp`
  const staged = write.map((rel) => [rel, path.join(outDir, rel), path.join(outDir, rel) + suffix])
  try {
    await makeFolders(outDir, write)
    await ensureSiteMarker(outDir)
    await runLimited(
      staged.map(
        ([rel, , tmp]) =>
          () =>
            writeEntry(files, rel, tmp),
      ),
    )
  } catch (err) {
    await Promise.all(staged.map(([, , tmp]) => fs.rm(tmp, { force: true })))
    throw toFolioError(err, outDir)
  }
  try {
    await runLimited(
      staged.map(
        ([, dest, tmp]) =>
          () =>
            fs.rename(tmp, dest),
      ),
    )
    await runLimited(remove.map((rel) => () => removeFile(outDir, rel)))
  } catch (err) {
    throw toFolioError(err, outDir)
  }
  return { written: write.length, removed: remove.length }
}

/** Removes the site file `rel` and the folders it leaves empty (an article's `slug/`). */
async function removeFile(outDir: string, rel: string): Promise<void> {
  await fs.rm(path.join(outDir, rel), { force: true })
  let dir = path.dirname(rel)
  while (dir !== '.' && dir !== '') {
    try {
      await fs.rmdir(path.join(outDir, dir))
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return
      throw err
    }
    dir = path.dirname(dir)
  }
}

/**
 * Writes `files` into a new folder beside `outDir`, then swaps it in for `outDir`. On failure the
 * old `outDir` is left as it was and the partial folder is removed. An `outDir` holding anything
 * but a site Folio built is refused, unless `folioBuilt` says Folio built it (before markers).
 */
export async function writeSiteAtomically(
  outDir: string,
  files: SiteFiles,
  options: { folioBuilt?: boolean } = {},
): Promise<void> {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const base = path.basename(target)
  const fresh = path.join(parent, `.${base}.folio-build-${randomBytes(4).toString('hex')}`)
  const old = path.join(parent, `.${base}.folio-old-${randomBytes(4).toString('hex')}`)
  if (!options.folioBuilt) await checkReplaceable(target, outDir)
  try {
    await fs.mkdir(parent, { recursive: true })
    await fs.mkdir(fresh)
    await writeAll(fresh, files)
    await fs.writeFile(path.join(fresh, siteMarkerName), siteMarkerText)
  } catch (err) {
    await fs.rm(fresh, { recursive: true, force: true })
    throw toFolioError(err, outDir)
  }
  let movedOld = false
  try {
    await fs.rename(target, old)
    movedOld = true
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') {
      await fs.rm(fresh, { recursive: true, force: true })
      throw toFolioError(err, outDir)
    }
  }
  try {
    await fs.rename(fresh, target)
  } catch (err) {
    // NOTE: put the previous site back before reporting, so the output folder is never missing.
    if (movedOld) await fs.rename(old, target)
    await fs.rm(fresh, { recursive: true, force: true })
    throw toFolioError(err, outDir)
  }
  if (movedOld) await fs.rm(old, { recursive: true, force: true })
}
