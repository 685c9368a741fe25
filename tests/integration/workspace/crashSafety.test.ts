import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { listArticles, openWorkspace, readArticle } from '../../../src/core/workspace'
import { versionOf, versionText } from './versionText'

const script = fileURLToPath(new URL('./saveLoop.ts', import.meta.url))
const made: string[] = []
afterAll(async () => {
  await Promise.all(made.map((dir) => fs.rm(dir, { recursive: true, force: true })))
})

/** Starts the save loop, lets it run for `ms` after it is ready, then SIGKILLs it. */
function runAndKill(root: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms)
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(stderr)
      else reject(new Error(`save loop exited by itself (code ${code}): ${stderr}`))
    })
  })
}

describe('crash safety of saves', () => {
  it('leaves every article the old or the new version after 40 kills at random moments', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-crash-'))
    made.push(root)
    await fs.mkdir(path.join(root, 'posts'))
    await fs.writeFile(path.join(root, 'folio.yaml'), 'title: Crash\n')
    for (const name of ['a', 'b', 'c'])
      await fs.writeFile(path.join(root, 'posts', `${name}.md`), versionText(0))
    const ws = await openWorkspace(root)
    const seen = new Set<number>()
    for (let round = 0; round < 40; round++) {
      await runAndKill(root, 5 + Math.floor(Math.random() * 120))
      for (const rel of ['posts/a.md', 'posts/b.md', 'posts/c.md']) {
        const doc = await readArticle(ws, rel)
        const version = versionOf(doc.text)
        expect(version, `${rel} after kill ${round + 1}`).not.toBeNull()
        seen.add(version!)
      }
    }
    // The loop really saved many versions between kills (otherwise the test proves nothing).
    expect(seen.size).toBeGreaterThan(10)
    const listed = await listArticles(ws)
    expect(listed.map((a) => a.path).sort()).toEqual(['posts/a.md', 'posts/b.md', 'posts/c.md'])
    expect(listed.every((a) => a.error === undefined)).toBe(true)
  }, 180_000)
})
