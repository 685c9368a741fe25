import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { openWorkspace, type Workspace } from '../../../src/core/workspace'

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

/** The temp folders one test file makes; each is removed after the test that made it. */
export interface TempFolders {
  /** A fresh folder holding exactly `files`; returns its real path. */
  folder(files: Record<string, string | Uint8Array>): Promise<string>
  /** A fresh folder holding exactly `files`, opened as whatever workspace layout they make. */
  openFolder(files: Record<string, string | Uint8Array>): Promise<Workspace>
  /** A Folio workspace: a minimal `folio.yaml` (unless `files` has one) plus `files`, opened. */
  folioWorkspace(files: Record<string, string | Uint8Array>): Promise<Workspace>
  /** Removes `root` (made some other way, e.g. a fixture copy or a link) after the test too. */
  track(root: string): string
}

/**
 * Registers an `afterEach` that removes every folder made or tracked through the returned
 * `TempFolders` during the test; call it once at a test file's top level.
 */
export function useTempFolders(): TempFolders {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map(removeFolder))
  })
  const folders: TempFolders = {
    async folder(files) {
      return folders.track(await makeFolder(files))
    },
    async openFolder(files) {
      return openWorkspace(await folders.folder(files))
    },
    folioWorkspace(files) {
      return folders.openFolder({ 'folio.yaml': 'title: T\n', ...files })
    },
    track(root) {
      made.push(root)
      return root
    },
  }
  return folders
}
