import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Folder holding the layout fixtures (a Hugo, Jekyll, Hexo, Eleventy, Astro, plain and Folio blog). */
export const layoutsDir = fileURLToPath(new URL('../../fixtures/layouts/', import.meta.url))

/** The names of all layout fixtures. */
export async function fixtureNames(): Promise<string[]> {
  return (await fs.readdir(layoutsDir)).sort()
}

/** Copies the fixture `name` into a fresh temp folder and returns the copy's real path. */
export async function copyFixture(name: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `folio-${name}-`))
  await fs.cp(path.join(layoutsDir, name), root, { recursive: true })
  return fs.realpath(root)
}
