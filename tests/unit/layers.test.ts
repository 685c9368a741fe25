import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../..')

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

function imports(text: string): string[] {
  return [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => match[1] ?? match[2])
}

describe('architecture layers', () => {
  it('core imports nothing from electron, react, the DOM or the doors', async () => {
    const offenders: string[] = []
    for (const file of await sourceFiles(join(root, 'src/core'))) {
      for (const spec of imports(await readFile(file, 'utf8'))) {
        if (
          /^(electron|react|react-dom)(\/|$)|^@codemirror\/|\/(main|preload|renderer|server|cli)\//.test(
            spec,
          )
        ) {
          offenders.push(`${relative(root, file)} imports ${spec}`)
        }
      }
    }
    expect(offenders).toEqual([])
  })

  it('the browser parts of core (markdown, frontmatter, site/render, workspace/fields, site/publishedArticles, api, errors) use no Node modules', async () => {
    const files = [
      ...(await sourceFiles(join(root, 'src/core/markdown'))),
      ...(await sourceFiles(join(root, 'src/core/frontmatter'))),
      ...(await sourceFiles(join(root, 'src/core/site/render'))),
      join(root, 'src/core/workspace/fields.ts'),
      join(root, 'src/core/site/publishedArticles.ts'),
      join(root, 'src/core/api.ts'),
      join(root, 'src/core/errors.ts'),
    ]
    const offenders: string[] = []
    for (const file of files) {
      for (const spec of imports(await readFile(file, 'utf8'))) {
        if (/^node:|^(fs|path|os|child_process|crypto|worker_threads)$/.test(spec))
          offenders.push(`${relative(root, file)} imports ${spec}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('the renderer reaches core only through api, errors, markdown, frontmatter, site/render, site/publishedArticles and workspace/fields', async () => {
    const offenders: string[] = []
    for (const file of await sourceFiles(join(root, 'src/renderer'))) {
      for (const spec of imports(await readFile(file, 'utf8'))) {
        const core = spec.match(/\/core\/(.+)$/)
        if (
          core &&
          !/^(api|errors|apiNames)(\.ts)?$|^(markdown|frontmatter)(\/|$)|^site\/render(\/|$)|^workspace\/fields$|^site\/publishedArticles$/.test(
            core[1],
          )
        ) {
          offenders.push(`${relative(root, file)} imports ${spec}`)
        }
        if (/^node:|^electron$/.test(spec))
          offenders.push(`${relative(root, file)} imports ${spec}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
