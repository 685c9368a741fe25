import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderBody, type RenderedBody } from '../../../src/core/site/renderBody'
import { bundledModule } from '../../../src/core/site/renderWorkerBundle'

let dir: string

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-bundle-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

/** Imports a bundle freshly (a query string defeats the module cache). */
async function load<T>(url: URL): Promise<T> {
  const { mtimeMs } = await fs.stat(url)
  return (await import(`${url.href}?v=${mtimeMs}`)) as T
}

describe('bundledModule', () => {
  it('bundles a module with its imports once, and again after one of them changed', async () => {
    const source = path.join(dir, 'source')
    await fs.mkdir(source)
    await fs.writeFile(path.join(source, 'helper.ts'), 'export const word: string = "first"\n')
    await fs.writeFile(
      path.join(source, 'entry.ts'),
      'import { word } from "./helper"\nexport const said = `said ${word}`\n',
    )
    const entry = pathToFileURL(path.join(source, 'entry.ts'))
    const cache = path.join(dir, 'cache')

    const url = await bundledModule(entry, cache)
    expect((await load<{ said: string }>(url)).said).toBe('said first')
    const made = (await fs.stat(url)).mtimeMs

    expect((await bundledModule(entry, cache)).href).toBe(url.href)
    expect((await fs.stat(url)).mtimeMs).toBe(made)

    await new Promise((resolve) => setTimeout(resolve, 20))
    await fs.writeFile(path.join(source, 'helper.ts'), 'export const word: string = "second"\n')
    const again = await bundledModule(entry, cache)
    expect((await load<{ said: string }>(again)).said).toBe('said second')
  })

  it('rejects with esbuild’s reason when the module does not build', async () => {
    await fs.writeFile(
      path.join(dir, 'broken.ts'),
      'import { nothing } from "./missing"\nexport const x = nothing\n',
    )
    await expect(
      bundledModule(pathToFileURL(path.join(dir, 'broken.ts')), path.join(dir, 'cache')),
    ).rejects.toThrow(/missing/)
  })

  it('renders article bodies exactly as the site build’s own module does', async () => {
    const url = await bundledModule(
      new URL('../../../src/core/site/renderBody.ts', import.meta.url),
      path.join(dir, 'cache'),
    )
    const bundled = await load<{ renderBody: (job: unknown) => RenderedBody }>(url)
    const jobs = [
      {
        path: 'posts/a.md',
        slug: 'a',
        body: '# Title\n\nSome *text*, www.example.com and $x^2$.\n',
      },
      {
        path: 'posts/b/index.md',
        slug: 'b',
        body: '```ts\nconst x = 1\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n![pic](pic.png)\n',
      },
    ]
    for (const job of jobs) expect(bundled.renderBody(job)).toEqual(renderBody(job))
  })
})
