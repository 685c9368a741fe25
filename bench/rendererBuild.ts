/**
 * The built renderer the web mode serves (electron-vite's out/renderer): rebuilt by the browser
 * section when it is missing or older than the sources it is built from, so figures are never
 * taken on stale code.
 */
import { execFile } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The repository root (this file is in bench/). */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** The folder the web server serves the renderer from. */
export const rendererDir = path.join(repoRoot, 'out', 'renderer')

/**
 * Source folders whose code ends up in the renderer bundle. The renderer imports from several
 * corners of the core (api, errors, markdown, frontmatter, site/render, workspace/fields, ...),
 * so the whole core counts: a rebuild too many costs half a minute, a stale bundle wrong figures.
 */
const sourceDirs = ['src/renderer', 'src/core', 'resources/themes']

async function newestMtime(dir: string): Promise<number> {
  let newest = 0
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw err
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs)
  }
  return newest
}

/**
 * Makes sure out/renderer holds a build at least as new as its sources, running
 * `npx electron-vite build` if not. Resolves 'up to date' or 'rebuilt'.
 */
export async function ensureRendererBuilt(
  log: (message: string) => void,
): Promise<'up to date' | 'rebuilt'> {
  let built = 0
  try {
    built = (await stat(path.join(rendererDir, 'index.html'))).mtimeMs
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const sources = Math.max(
    ...(await Promise.all(sourceDirs.map((dir) => newestMtime(path.join(repoRoot, dir))))),
  )
  if (built > sources) return 'up to date'
  log('browser: building the renderer (npx electron-vite build)')
  try {
    await run('npx', ['electron-vite', 'build'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 })
  } catch (err) {
    const output = `${(err as { stdout?: string }).stdout ?? ''}${(err as { stderr?: string }).stderr ?? ''}`
    throw new Error(
      `electron-vite build failed:\n${output.trim().split('\n').slice(-15).join('\n')}`,
    )
  }
  return 'rebuilt'
}
