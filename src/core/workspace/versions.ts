/**
 * The process-wide record of the last content version Folio knows for each file (absolute path ->
 * sha256). Saves write it before the file appears on disk, so the watcher recognises Folio's own
 * writes by content, never by timing.
 */
const known = new Map<string, string>()

/** Records that `absPath` now holds the content with hash `version` (null: file is gone). */
export function rememberVersion(absPath: string, version: string | null): void {
  if (version === null) known.delete(absPath)
  else known.set(absPath, version)
}

/** The last version Folio wrote or read for `absPath`, if any. */
export function knownVersion(absPath: string): string | undefined {
  return known.get(absPath)
}
