import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { folio } from './runFolio'

const article = [
  '---',
  '# Written by hand: keep this comment.',
  'title: "Salt marsh, at dawn"',
  'date: 2025-03-02',
  'tags: [coast, birds]   # the topics',
  'description: Early light over the creeks.',
  'draft: true',
  '---',
  '',
  'The tide was out.',
  '',
].join('\n')

let base: string
let blog: string
const path = 'posts/salt-marsh.md'

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-cli-set-'))
  blog = join(base, 'blog')
  await cp(join(__dirname, '../../../resources/sample'), blog, { recursive: true })
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

async function reset(text = article): Promise<void> {
  await writeFile(join(blog, path), text)
}

describe('folio set', () => {
  it('sets a list field, changing only that line, and prints the path', async () => {
    await reset()
    const result = await folio(['set', path, 'tags=coast,birds,tides', '--workspace', blog])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${path}\n`)
    const after = await readFile(join(blog, path), 'utf8')
    const expected = article.split('\n')
    const changed = after.split('\n')
    expect(changed).toHaveLength(expected.length)
    const differing = changed.flatMap((line, i) => (line === expected[i] ? [] : [i]))
    expect(differing).toEqual([4])
    expect(changed[4]).toMatch(/^tags: \[ ?coast, birds, tides ?\] +# the topics$/)
  })

  it('sets a boolean, removes a field with FIELD=, and keeps comments and key order', async () => {
    await reset()
    const result = await folio(['set', path, 'draft=false', 'description='], blog)
    expect(result.code).toBe(0)
    expect(await readFile(join(blog, path), 'utf8')).toBe(
      article
        .replace('draft: true', 'draft: false')
        .replace('description: Early light over the creeks.\n', ''),
    )
  })

  it('adds a new field after the existing ones and leaves the body byte for byte', async () => {
    await reset()
    const result = await folio(['set', `./${path}`, 'updated=2025-03-09', '--workspace', blog])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${path}\n`)
    const after = await readFile(join(blog, path), 'utf8')
    expect(after).toBe(article.replace('draft: true\n', 'draft: true\nupdated: 2025-03-09\n'))
  })

  it('edits TOML front matter losslessly too', async () => {
    const toml = '+++\ntitle = "Fog"\n# keep\ndraft = true\n+++\n\nGrey.\n'
    await writeFile(join(blog, 'posts/fog.md'), toml)
    const result = await folio(['set', 'posts/fog.md', 'draft=false', '--workspace', blog])
    expect(result.code).toBe(0)
    expect(await readFile(join(blog, 'posts/fog.md'), 'utf8')).toBe(
      toml.replace('draft = true', 'draft = false'),
    )
  })

  it('fails with one line and a non-zero exit for an unknown article', async () => {
    const result = await folio(['set', 'posts/nowhere.md', 'draft=true', '--workspace', blog])
    expect(result.code).not.toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('posts/nowhere.md')
    expect(result.stderr).toMatch(/does not exist/)
  })

  it('refuses malformed front matter and never rewrites it', async () => {
    const broken = '---\ntitle: Broken\ntags: [a, b\ndraft: true\n---\n\nBody.\n'
    await writeFile(join(blog, 'posts/broken.md'), broken)
    const result = await folio(['set', 'posts/broken.md', 'draft=false', '--workspace', blog])
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('posts/broken.md')
    expect(result.stderr).toMatch(/YAML/)
    expect(await readFile(join(blog, 'posts/broken.md'), 'utf8')).toBe(broken)
  })

  it('rejects an assignment without "=" and leaves the file alone', async () => {
    await reset()
    const result = await folio(['set', path, 'draft', '--workspace', blog])
    expect(result.code).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/FIELD=VALUE/)
    expect(await readFile(join(blog, path), 'utf8')).toBe(article)
  })

  it('refuses paths outside the workspace and files that are not Markdown', async () => {
    const outside = await folio(['set', '../outside.md', 'draft=true', '--workspace', blog])
    expect(outside.code).not.toBe(0)
    expect(outside.stderr).toMatch(/inside the workspace/)
    const config = await folio(['set', 'folio.yaml', 'title=Hacked', '--workspace', blog])
    expect(config.code).not.toBe(0)
    expect(config.stderr).toMatch(/not a Markdown article/)
    expect(await readFile(join(blog, 'folio.yaml'), 'utf8')).toContain('title: Field Notes')
  })
})
