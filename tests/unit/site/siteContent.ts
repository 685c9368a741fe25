import { promises as fs } from 'node:fs'
import path from 'node:path'

/** Every file of a built site under `dir`, by path relative to `dir`, read as text. */
export async function siteContent(dir: string): Promise<Map<string, string>> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true })
  const files = new Map<string, string>()
  for (const entry of entries.filter((e) => e.isFile())) {
    const abs = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, abs), await fs.readFile(abs, 'utf8'))
  }
  return files
}
