/**
 * The process-wide record of content versions Folio knows for each file (absolute path ->
 * sha256): the last one it read or wrote, and the ones it is writing right now. The watcher
 * compares what it finds on disk with these, so Folio's own writes are recognised by content,
 * never by timing.
 */
const known = new Map<string, string>()
const writing = new Map<string, Set<string>>()
const removedByFolio = new Set<string>()
/** Per file, a count of changes to the above, so a reader can tell whether they moved under it. */
const changes = new Map<string, number>()

function changed(absPath: string): void {
  changes.set(absPath, (changes.get(absPath) ?? 0) + 1)
}

/** Records that `absPath` now holds the content with hash `version` (null: file is gone). */
export function rememberVersion(absPath: string, version: string | null): void {
  changed(absPath)
  removedByFolio.delete(absPath)
  if (version === null) known.delete(absPath)
  else known.set(absPath, version)
}

/** Records that Folio itself is removing `absPath` (trash, rename), so the removal is not reported. */
export function rememberRemoval(absPath: string): void {
  changed(absPath)
  known.delete(absPath)
  removedByFolio.add(absPath)
}

/** The last version Folio wrote, read, or saw for `absPath`, if any. */
export function knownVersion(absPath: string): string | undefined {
  return known.get(absPath)
}

/**
 * Runs `write`, which puts content `version` at `absPath`, marking the version as Folio's own
 * while it runs and as the known version once it succeeded.
 */
export async function writingVersion<T>(
  absPath: string,
  version: string,
  write: () => Promise<T>,
): Promise<T> {
  // NOTE: marked before the file changes: the watcher may look at it at any moment of the write.
  const set = writing.get(absPath) ?? new Set<string>()
  set.add(version)
  writing.set(absPath, set)
  changed(absPath)
  try {
    const result = await write()
    rememberVersion(absPath, version)
    return result
  } finally {
    set.delete(version)
    if (set.size === 0 && writing.get(absPath) === set) writing.delete(absPath)
    changed(absPath)
  }
}

/** True when `version` of `absPath` is one Folio knows or is writing (not an outside change). */
export function isOwnVersion(absPath: string, version: string | null): boolean {
  if (version === null) return removedByFolio.has(absPath)
  return known.get(absPath) === version || (writing.get(absPath)?.has(version) ?? false)
}

/** A version found on disk that is not Folio's own, and the version Folio knew before it. */
export interface OutsideChange {
  /** The content's hash; null when the file is gone. */
  version: string | null
  before: string | undefined
}

/**
 * Reads the version of `absPath` now on disk with `read` and judges it: null when it is Folio's
 * own. NOTE: a save that starts or finishes while `read` runs can make what was read an own
 * version that Folio no longer lists (a newer save replaced it), which would pass for an outside
 * change; then the file is read again. A file Folio keeps writing through every try is left to
 * the events its last write sends.
 */
export async function readOutsideChange(
  absPath: string,
  read: () => Promise<string | null>,
): Promise<OutsideChange | null> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const seen = changes.get(absPath) ?? 0
    const before = known.get(absPath)
    const version = await read()
    if ((changes.get(absPath) ?? 0) !== seen) continue
    return isOwnVersion(absPath, version) ? null : { version, before }
  }
  return null
}
