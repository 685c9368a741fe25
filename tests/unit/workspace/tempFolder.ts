import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Makes a real temp folder holding `files` (relative path -> text or bytes); returns its path. */
export async function makeFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-ws-'))
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel)
    await fs.mkdir(path.dirname(abs), { recursive: true })
    await fs.writeFile(abs, content)
  }
  return fs.realpath(root)
}

/** Removes a folder made by `makeFolder`, making read-only parts writable first. */
export async function removeFolder(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true })
}
