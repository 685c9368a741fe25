import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../src/core/workspace'
import { useTempFolders } from './tempFolder'

const { folder, track } = useTempFolders()

describe('openWorkspace', () => {
  it('opens a folio workspace with its settings', async () => {
    const root = await folder({
      'folio.yaml':
        'title: My Blog\nbaseUrl: https://example.org/\npageSize: 5\nauthor: Ann\npublish:\n  - name: live\n    type: s3\n    bucket: b\n',
      'posts/hello.md': '---\ntitle: Hello\n---\n',
    })
    const ws = await openWorkspace(root)
    expect(ws.root).toBe(root)
    expect(ws.layout).toBe('folio')
    expect(ws.contentDir).toBe('posts')
    expect(ws.config).toMatchObject({
      title: 'My Blog',
      baseUrl: 'https://example.org/',
      pageSize: 5,
      author: 'Ann',
      language: 'en',
      theme: 'default',
    })
    expect(ws.config.publish).toEqual([{ name: 'live', type: 's3', bucket: 'b' }])
    expect(ws.configError).toBeUndefined()
  })

  it('uses defaults for a folder without folio.yaml', async () => {
    const root = await folder({ 'a.md': '# A\n' })
    const ws = await openWorkspace(root)
    expect(ws.layout).toBe('plain')
    expect(ws.config).toMatchObject({
      title: path.basename(root),
      baseUrl: 'http://localhost/',
      language: 'en',
      author: '',
      pageSize: 10,
    })
  })

  it('opens with defaults and a configError naming the line of malformed folio.yaml', async () => {
    const root = await folder({
      'folio.yaml': 'title: ok\nauthor: [unclosed\nbaseUrl: x\n',
    })
    const ws = await openWorkspace(root)
    expect(ws.config.title).toBe(path.basename(root))
    expect(ws.configError?.code).toBe('config')
    expect(ws.configError?.path).toBe('folio.yaml')
    expect(ws.configError?.line).toBeGreaterThanOrEqual(2)
  })

  it('reports publish targets without a unique name or a type, with their line', async () => {
    const root = await folder({
      'folio.yaml':
        'title: T\npublish:\n  - name: a\n    type: folder\n  - name: a\n    type: git\n  - type: s3\n',
    })
    const ws = await openWorkspace(root)
    expect(ws.config.publish.map((p) => p.name)).toEqual(['a'])
    expect(ws.configError?.message).toMatch(/named "a"/)
    expect(ws.configError?.line).toBe(5)
  })

  it('refuses a missing folder and a file', async () => {
    const root = await folder({ 'file.md': 'x' })
    await expect(openWorkspace(path.join(root, 'nope'))).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(openWorkspace(path.join(root, 'file.md'))).rejects.toMatchObject({
      code: 'not-a-folder',
    })
  })

  it('resolves a symlinked root to its real path', async () => {
    const root = await folder({ 'a.md': 'x' })
    const link = track(`${root}-link`)
    await fs.symlink(root, link)
    const ws = await openWorkspace(link)
    expect(ws.root).toBe(root)
  })
})
