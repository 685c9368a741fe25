/**
 * The files of a site being built, held until the build is done, then written into a fresh folder
 * that replaces the output folder in one step, so a failed build never leaves half a site.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FolioError, toFolioError } from '../errors'

/** Site-relative path → content to write, or an absolute source file to copy. */
export class SiteFiles {
  readonly written = new Map<string, string | Uint8Array>()
  readonly copied = new Map<string, string>()

  /** Adds a generated file at site-relative `to`; a later write to the same path wins. */
  write(to: string, content: string | Uint8Array): void {
    this.copied.delete(to)
    this.written.set(to, content)
  }

  /** Adds a copy of the absolute file `from` to site-relative `to`. */
  copy(to: string, from: string): void {
    this.written.delete(to)
    this.copied.set(to, from)
  }

  has(to: string): boolean {
    return this.written.has(to) || this.copied.has(to)
  }

  get size(): number {
    return this.written.size + this.copied.size
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

async function writeAll(dir: string, files: SiteFiles): Promise<void> {
  const folders = new Set<string>()
  for (const rel of [...files.written.keys(), ...files.copied.keys()])
    folders.add(path.dirname(path.join(dir, rel)))
  for (const folder of [...folders].sort()) await fs.mkdir(folder, { recursive: true })
  const jobs: (() => Promise<void>)[] = []
  for (const [rel, content] of files.written)
    jobs.push(() => fs.writeFile(path.join(dir, rel), content))
  for (const [rel, from] of files.copied) jobs.push(() => fs.copyFile(from, path.join(dir, rel)))
  // Bounded parallelism: thousands of files at once would exhaust file handles.
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await jobs[next++]()
  }
  await Promise.all(Array.from({ length: Math.min(32, jobs.length) }, worker))
}

/**
 * Writes `files` into a new folder beside `outDir`, then swaps it in for `outDir`. On failure the
 * old `outDir` is left as it was and the partial folder is removed.
 */
export async function writeSiteAtomically(outDir: string, files: SiteFiles): Promise<void> {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const base = path.basename(target)
  const fresh = path.join(parent, `.${base}.folio-build-${randomBytes(4).toString('hex')}`)
  const old = path.join(parent, `.${base}.folio-old-${randomBytes(4).toString('hex')}`)
  try {
    await fs.mkdir(parent, { recursive: true })
    await fs.mkdir(fresh)
    await writeAll(fresh, files)
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
