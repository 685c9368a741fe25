/**
 * The manifest of a target: what Folio last put there (path -> content hash, size, and the tag the
 * remote reported for it). It lives in `<ws>/.folio/publish/<target>.json`, with an append-only
 * journal beside it so that each finished file is recorded at once and a resume skips it.
 */
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FolioError, toFolioError } from '../errors'

/** What Folio knows about one published file. `remote` is the remote's own tag (ETag, blob id...). */
export interface ManifestEntry {
  hash: string
  size: number
  remote?: string
}

/** Published files by site-relative path. */
export type Manifest = Map<string, ManifestEntry>

type JournalLine = { op: 'put'; path: string; entry: ManifestEntry } | { op: 'del'; path: string }

/** The folder of a workspace that holds manifests, journals and the publish history. */
export function publishStateDir(root: string): string {
  return join(root, '.folio', 'publish')
}

/** A file-name-safe form of a target name (`My site!` -> `My_site_`). */
export function targetFileName(target: string): string {
  return target.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_')
}

function paths(root: string, target: string): { manifest: string; journal: string } {
  const base = join(publishStateDir(root), targetFileName(target))
  return { manifest: `${base}.json`, journal: `${base}.journal.jsonl` }
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw toFolioError(err, path)
  }
}

/**
 * Reads a target's manifest and replays its journal (files done by an interrupted publish).
 * A missing manifest is an empty one; an unreadable one is a FolioError naming the file.
 */
export async function readManifest(root: string, target: string): Promise<Manifest> {
  const file = paths(root, target)
  const manifest: Manifest = new Map()
  const text = await readOptional(file.manifest)
  if (text !== null) {
    try {
      const data = JSON.parse(text) as { files: Record<string, ManifestEntry> }
      for (const [path, entry] of Object.entries(data.files)) manifest.set(path, entry)
    } catch (err) {
      throw new FolioError(
        'unreadable',
        `The publish manifest "${file.manifest}" is damaged (${(err as Error).message}); delete it to publish everything again.`,
        { path: file.manifest },
      )
    }
  }
  const journal = await readOptional(file.journal)
  for (const line of journal?.split('\n') ?? []) {
    if (!line.trim()) continue
    let record: JournalLine
    try {
      record = JSON.parse(line) as JournalLine
    } catch {
      // NOTE: a crash can cut the last journal line short; everything before it still counts.
      continue
    }
    if (record.op === 'put') manifest.set(record.path, record.entry)
    else manifest.delete(record.path)
  }
  return manifest
}

/**
 * Records changes to a target's manifest as they happen. Writes are serialized; `finalize`
 * writes the whole manifest atomically and drops the journal.
 */
export class ManifestWriter {
  private queue: Promise<void> = Promise.resolve()
  private readonly file: { manifest: string; journal: string }

  constructor(
    private readonly root: string,
    target: string,
    readonly manifest: Manifest,
    /** Only collect in memory: for targets where nothing is live until the final step. */
    private readonly deferred = false,
  ) {
    this.file = paths(root, target)
  }

  /** Records one file as live on the target. */
  put(path: string, entry: ManifestEntry): Promise<void> {
    this.manifest.set(path, entry)
    return this.append({ op: 'put', path, entry })
  }

  /** Records one file as gone from the target. */
  delete(path: string): Promise<void> {
    this.manifest.delete(path)
    return this.append({ op: 'del', path })
  }

  private append(line: JournalLine): Promise<void> {
    if (this.deferred) return this.queue
    this.queue = this.queue.then(async () => {
      await mkdir(publishStateDir(this.root), { recursive: true })
      await appendFile(this.file.journal, JSON.stringify(line) + '\n')
    })
    return this.queue
  }

  /** Writes the manifest (temp file + rename) and removes the journal it now contains. */
  async finalize(): Promise<void> {
    await this.queue
    const files: Record<string, ManifestEntry> = {}
    for (const path of [...this.manifest.keys()].sort()) files[path] = this.manifest.get(path)!
    try {
      await mkdir(publishStateDir(this.root), { recursive: true })
      const tmp = `${this.file.manifest}.tmp-${process.pid}`
      await writeFile(tmp, JSON.stringify({ version: 1, files }, null, 1) + '\n')
      await rename(tmp, this.file.manifest)
      await rm(this.file.journal, { force: true })
    } catch (err) {
      throw toFolioError(err, this.file.manifest)
    }
  }
}
