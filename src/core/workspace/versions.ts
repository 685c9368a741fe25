/**
 * The process-wide record of content versions Folio knows for each file (absolute path ->
 * sha256): the last one it read or wrote, and the ones it is writing right now. The watcher
 * compares what it finds on disk with these, so Folio's own writes are recognised by content,
 * never by timing.
 */
const known = new Map<string, string>()
const writing = new Map<string, Set<string>>()
const removedByFolio = new Set<string>()

/** Records that `absPath` now holds the content with hash `version` (null: file is gone). */
export function rememberVersion(absPath: string, version: string | null): void {
  removedByFolio.delete(absPath)
  if (version === null) known.delete(absPath)
  else known.set(absPath, version)
}

/** Records that Folio itself is removing `absPath` (trash, rename), so the removal is not reported. */
export function rememberRemoval(absPath: string): void {
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
  try {
    const result = await write()
    rememberVersion(absPath, version)
    return result
  } finally {
    set.delete(version)
    if (set.size === 0 && writing.get(absPath) === set) writing.delete(absPath)
  }
}

/** True when `version` of `absPath` is one Folio knows or is writing (not an outside change). */
export function isOwnVersion(absPath: string, version: string | null): boolean {
  if (version === null) return removedByFolio.has(absPath)
  return known.get(absPath) === version || (writing.get(absPath)?.has(version) ?? false)
}
