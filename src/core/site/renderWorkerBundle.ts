/**
 * The render workers' module as one file. Run from Folio's TypeScript sources (the `folio`
 * command through tsx, the tests, the bench), each worker would load the Markdown pipeline
 * module by module through tsx, lexing and compiling hundreds of files again per thread. Instead
 * the entry and everything it imports are bundled once with esbuild (which tsx already runs on)
 * into the checkout's `node_modules/.cache`, and reused until one of its input files changes. The
 * packaged app does not come here: its build already bundles the worker (`setRenderWorkerUrl`).
 */
import { createHash, randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** An input of a bundle as it was when bundled: absolute path, size and modification time. */
type InputStamp = [file: string, size: number, mtimeMs: number]

/**
 * The default cache folder of worker bundles: `node_modules/.cache/folio-render-worker` of the
 * checkout Folio runs from (as other build tools keep theirs), never a shared temp folder, where
 * another user could leave a module for this process to run.
 */
export function defaultBundleDir(): string {
  return fileURLToPath(new URL('../../../node_modules/.cache/folio-render-worker', import.meta.url))
}

async function stampOf(file: string): Promise<InputStamp | null> {
  try {
    const st = await fs.stat(file)
    return [file, st.size, st.mtimeMs]
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw err
  }
}

/** Whether every input recorded in `stampsFile` is still as it was; false when unknown. */
async function unchanged(stampsFile: string): Promise<boolean> {
  let recorded: InputStamp[]
  try {
    recorded = JSON.parse(await fs.readFile(stampsFile, 'utf8')) as InputStamp[]
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT' || err instanceof SyntaxError) return false
    throw err
  }
  const now = await Promise.all(recorded.map(([file]) => stampOf(file)))
  return now.every((stamp, i) => {
    const [, size, mtimeMs] = recorded[i]
    return stamp !== null && stamp[1] === size && stamp[2] === mtimeMs
  })
}

async function bundle(entryFile: string, outFile: string, stampsFile: string): Promise<void> {
  const esbuild = await import('esbuild')
  const tmp = `${outFile}.${randomBytes(4).toString('hex')}.tmp`
  const workingDir = path.dirname(entryFile)
  const result = await esbuild.build({
    entryPoints: [entryFile],
    absWorkingDir: workingDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
    // CommonJS dependencies (highlight.js) may `require` Node's own modules.
    banner: {
      js: "import { createRequire as folioCreateRequire } from 'node:module'; const require = folioCreateRequire(import.meta.url);",
    },
  })
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input))
  const stamps = (await Promise.all(inputs.map(stampOf))).filter((s): s is InputStamp => !!s)
  // NOTE: the stamps are written after the bundle is in place: a reader never pairs old stamps
  // with a new bundle, and a crash in between only costs one more bundling.
  await fs.rename(tmp, outFile)
  await fs.writeFile(stampsFile, JSON.stringify(stamps))
}

/** Bundles being made or checked now, by key. */
const made = new Map<string, Promise<URL>>()

/**
 * The file URL of a bundle of the module at `entry` (a `.ts` file) with everything it imports,
 * made in `dir` or reused from there while its inputs are unchanged. Rejects when esbuild is
 * missing or fails; the caller then loads `entry` itself.
 */
export function bundledModule(entry: URL, dir = defaultBundleDir()): Promise<URL> {
  const entryFile = fileURLToPath(entry)
  const key = createHash('sha1').update(`${entryFile}\0${dir}`).digest('hex').slice(0, 16)
  let pending = made.get(key)
  if (!pending) {
    pending = (async () => {
      await fs.mkdir(dir, { recursive: true })
      const outFile = path.join(dir, `${key}.mjs`)
      const stampsFile = path.join(dir, `${key}.inputs.json`)
      if (!(await unchanged(stampsFile)) || !(await stampOf(outFile)))
        await bundle(entryFile, outFile, stampsFile)
      return pathToFileURL(outFile)
    })()
    // Only calls at the same time share a result; a later call looks at the files again.
    const settle = () => made.delete(key)
    pending.then(settle, settle)
    made.set(key, pending)
  }
  return pending
}
