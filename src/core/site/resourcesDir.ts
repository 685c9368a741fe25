/**
 * Where Folio's bundled resources (default theme, sample blog) are. In the repository they sit in
 * `resources/` at the top; the packaged app points elsewhere with `setResourcesDir`.
 */
import { fileURLToPath } from 'node:url'

let overrideDir: string | null = null

/** Makes Folio read its bundled resources from `dir` (an absolute path), e.g. inside the app package. */
export function setResourcesDir(dir: string): void {
  overrideDir = dir
}

/** The absolute path of the bundled resources folder. */
export function resourcesDir(): string {
  return overrideDir ?? fileURLToPath(new URL('../../../resources/', import.meta.url))
}
