import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace, readArticle, saveArticle } from '../../../src/core/workspace'

// A real small file system (tmpfs, needs root as in CI) so the disk really runs full.
let mountPoint = ''
beforeAll(async () => {
  mountPoint = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-full-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint])
})
afterAll(async () => {
  if (mountPoint) {
    execFileSync('umount', [mountPoint])
    await fs.rmdir(mountPoint)
  }
})

describe('saving on a full disk', () => {
  it('fails with disk-full naming the article, and leaves the old file and no temp file', async () => {
    await fs.mkdir(path.join(mountPoint, 'posts'))
    await fs.writeFile(path.join(mountPoint, 'folio.yaml'), 'title: Full\n')
    await fs.writeFile(path.join(mountPoint, 'posts/a.md'), 'the old text')
    const ws = await openWorkspace(mountPoint)
    const doc = await readArticle(ws, 'posts/a.md')
    // Fill the disk until a write fails.
    const filler = await fs.open(path.join(mountPoint, 'filler'), 'w')
    try {
      for (;;) await filler.write(Buffer.alloc(4096, 1))
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC')
    } finally {
      await filler.close()
    }
    await fs.truncate(
      path.join(mountPoint, 'filler'),
      (await fs.stat(path.join(mountPoint, 'filler'))).size - 8192,
    )
    const big = 'new words '.repeat(20_000)
    await expect(saveArticle(ws, 'posts/a.md', big, doc.version)).rejects.toMatchObject({
      code: 'disk-full',
      path: 'posts/a.md',
      message: expect.stringMatching(/disk is full.*unchanged/),
    })
    expect(await fs.readFile(path.join(mountPoint, 'posts/a.md'), 'utf8')).toBe('the old text')
    expect(await fs.readdir(path.join(mountPoint, 'posts'))).toEqual(['a.md'])
  })
})
