import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../src/core/workspace'
import { staleTempAgeMs } from '../../../src/core/workspace/staleTemps'
import { useTempFolders } from './tempFolder'

const { folder } = useTempFolders()

/** Sets a file's modification time `ms` into the past. */
async function age(root: string, rel: string, ms: number): Promise<void> {
  const when = new Date(Date.now() - ms)
  await fs.utimes(path.join(root, rel), when, when)
}

const exists = (root: string, rel: string) =>
  fs.stat(path.join(root, rel)).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false
      throw err
    },
  )

describe('openWorkspace and temp files of interrupted saves', () => {
  it('removes old temp files beside articles and in bundles, and keeps everything else', async () => {
    const old = {
      posts: 'posts/.hello.md.0123456789ab.folio-tmp',
      bundle: 'posts/trip/.index.md.abcdef012345.folio-tmp',
      image: 'posts/trip/.photo.jpg.00aa11bb22cc.folio-tmp',
      page: 'pages/.about.md.fedcba987654.folio-tmp',
    }
    const kept = {
      recent: 'posts/.draft.md.111111111111.folio-tmp',
      notOurs: 'posts/.hello.md.folio-tmp',
      notHex: 'posts/.hello.md.zzzzzzzzzzzz.folio-tmp',
      outside: 'static/.logo.png.222222222222.folio-tmp',
      atRoot: '.folio.yaml.333333333333.folio-tmp',
      hidden: 'posts/.git/.x.md.444444444444.folio-tmp',
    }
    const root = await folder({
      'folio.yaml': 'title: T\n',
      'posts/hello.md': '# Hello\n',
      'posts/trip/index.md': '# Trip\n',
      'pages/about.md': '# About\n',
      ...Object.fromEntries(
        [...Object.values(old), ...Object.values(kept)].map((p) => [p, 'half']),
      ),
    })
    for (const rel of [...Object.values(old), ...Object.values(kept)]) {
      if (rel !== kept.recent) await age(root, rel, staleTempAgeMs + 60_000)
    }
    await age(root, kept.recent, 30_000)
    await openWorkspace(root)
    for (const rel of Object.values(old)) expect(await exists(root, rel), rel).toBe(false)
    for (const rel of Object.values(kept)) expect(await exists(root, rel), rel).toBe(true)
    expect(await fs.readFile(path.join(root, 'posts/hello.md'), 'utf8')).toBe('# Hello\n')
    expect(await exists(root, 'posts/trip/index.md')).toBe(true)
  })

  it('cleans the content folders of other layouts (Jekyll drafts) too', async () => {
    const root = await folder({
      '_config.yml': 'title: T\n',
      '_posts/2024-01-02-hi.md': '# Hi\n',
      '_drafts/.idea.md.0123456789ab.folio-tmp': 'half',
    })
    await age(root, '_drafts/.idea.md.0123456789ab.folio-tmp', staleTempAgeMs + 1000)
    const ws = await openWorkspace(root)
    expect(ws.layout).toBe('jekyll')
    expect(await exists(root, '_drafts/.idea.md.0123456789ab.folio-tmp')).toBe(false)
  })

  it('does not follow a symlinked temp name to delete what it points at', async () => {
    const root = await folder({ 'folio.yaml': 'title: T\n', 'keep.txt': 'precious' })
    await fs.mkdir(path.join(root, 'posts'))
    const link = path.join(root, 'posts/.x.md.0123456789ab.folio-tmp')
    await fs.symlink(path.join(root, 'keep.txt'), link)
    const when = new Date(Date.now() - staleTempAgeMs - 60_000)
    await fs.lutimes(link, when, when)
    await openWorkspace(root)
    expect(await fs.readFile(path.join(root, 'keep.txt'), 'utf8')).toBe('precious')
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true)
  })
})
