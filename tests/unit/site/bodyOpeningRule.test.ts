import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createIncrementalRenderer } from '../../../src/core/markdown'
import { buildSite } from '../../../src/core/site'
import { openWorkspace } from '../../../src/core/workspace'

let tmp: string | null = null
afterEach(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true })
  tmp = null
})

/** The text between the page's body markers as the built site has it. */
async function builtArticle(text: string): Promise<string> {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'folio-rule-'))
  const root = path.join(tmp, 'blog')
  await fs.mkdir(path.join(root, 'posts'), { recursive: true })
  await fs.writeFile(path.join(root, 'folio.yaml'), 'title: Rules\nbaseUrl: https://rules.test/\n')
  await fs.writeFile(path.join(root, 'posts/rule.md'), text)
  const out = path.join(tmp, 'public')
  await buildSite(await openWorkspace(root), { outDir: out, now: new Date('2025-06-01') })
  return fs.readFile(path.join(out, 'rule/index.html'), 'utf8')
}

describe('an article whose body opens with `---` lines', () => {
  const text = '---\ntitle: Rules\ndate: 2025-01-01\n---\n---\nA line between rules\n---\n\nMore.\n'

  it('is published with those lines, as Markdown renders them', async () => {
    const page = await builtArticle(text)
    expect(page).toContain('<hr>')
    expect(page).toContain('A line between rules</h2>')
    expect(page).toContain('<p>More.</p>')
  })

  it('looks the same in the preview', () => {
    const html = createIncrementalRenderer().render(text).html
    expect(html).toContain('<hr>\n<h2 id="a-line-between-rules">A line between rules</h2>')
    expect(html).not.toContain('title: Rules')
  })
})
