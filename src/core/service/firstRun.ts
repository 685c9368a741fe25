/**
 * First run: the sample blog is copied from the app's resources into the user's documents folder
 * and opened from there, so the bundled resources are never edited in place.
 */
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { toFolioError } from '../errors'

export const sampleFolderName = 'Folio Sample Blog'

/**
 * Returns the folder of the user's copy of the sample blog under `documentsDir`, copying it from
 * `sampleDir` when it does not exist yet. An existing copy is never overwritten.
 */
export async function ensureSampleWorkspace(
  documentsDir: string,
  sampleDir: string,
): Promise<string> {
  const target = join(documentsDir, sampleFolderName)
  try {
    await stat(target)
    return target
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw toFolioError(err, target)
  }
  try {
    await mkdir(documentsDir, { recursive: true })
    await cp(sampleDir, target, { recursive: true, errorOnExist: true, force: false })
  } catch (err) {
    throw toFolioError(err, target)
  }
  return target
}

/** Settings that outlive one run of the app, kept in the app's own data folder (never the workspace). */
export interface AppSettings {
  lastWorkspace?: string
}

export async function readAppSettings(file: string): Promise<AppSettings> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as unknown
    if (data && typeof data === 'object') {
      const last = (data as { lastWorkspace?: unknown }).lastWorkspace
      return typeof last === 'string' ? { lastWorkspace: last } : {}
    }
    return {}
  } catch (err) {
    // A missing or corrupt settings file only means "first run": the app falls back to the sample.
    if ((err as { code?: string }).code === 'ENOENT' || err instanceof SyntaxError) return {}
    throw toFolioError(err, file)
  }
}

export async function writeAppSettings(file: string, settings: AppSettings): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, JSON.stringify(settings, null, 2) + '\n', 'utf8')
}
