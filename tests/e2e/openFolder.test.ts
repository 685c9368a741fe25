import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useApp } from './appHarness'

const app = useApp()

describe('opening another folder', () => {
  it('saves the open article into its own folder first, never into the other one', async () => {
    const { page } = app
    const path = 'posts/welcome-to-field-notes.md'
    const other = join(app.dir, 'other-blog')
    await cp(join(__dirname, '../../resources/sample'), other, { recursive: true })
    const otherText = await readFile(join(other, path), 'utf8')

    await page.click(`[data-testid=article-item][data-path="${path}"]`)
    await page.waitForSelector(`[data-testid=editor-tab][aria-selected=true][data-path="${path}"]`)
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\nTyped just before opening another folder.')
    await page.click('[data-testid=open-folder-button]')
    await page.waitForSelector('[data-testid=open-folder-dialog]')
    expect(await readFile(join(app.workspace, path), 'utf8')).toContain(
      'Typed just before opening another folder.',
    )
    await page.fill('[data-testid=open-folder-path]', other)
    await page.click('[data-testid=open-folder-submit]')
    await page.waitForSelector('[data-testid=open-folder-dialog]', { state: 'detached' })
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=editor-tab]').length === 0,
    )
    await page.click(`[data-testid=article-item][data-path="${path}"]`)
    await page.waitForSelector(`[data-testid=editor-tab][aria-selected=true][data-path="${path}"]`)
    expect(await readFile(join(other, path), 'utf8')).toBe(otherText)
    const shown = (await page.locator('[data-testid=editor] .cm-line').allTextContents()).join('\n')
    expect(shown).not.toContain('Typed just before')
  }, 60_000)
})
