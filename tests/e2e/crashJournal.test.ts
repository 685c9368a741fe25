import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useApp } from './appHarness'

const app = useApp()

/**
 * The text of every journal entry on disk. NOTE: the journal writes each entry to a temporary
 * file and renames it over the entry, so a file listed here may be gone when it is read.
 */
async function journalTexts(workspace: string): Promise<string> {
  const dir = join(workspace, '.folio', 'journal')
  const names = await readdir(dir).catch(() => [] as string[])
  const texts = await Promise.all(
    names
      .filter((name) => !name.endsWith('.folio-tmp'))
      .map((name) =>
        readFile(join(dir, name), 'utf8').catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return ''
          throw err
        }),
      ),
  )
  return texts.join('\n')
}

describe('the crash journal in the browser', () => {
  it('offers unsaved edits back after the page dies, and restores them', async () => {
    const { page } = app
    const path = 'posts/measuring-a-walk.md'
    await page.click(`[data-testid=article-item][data-path="${path}"]`)
    await page.waitForSelector(`[data-testid=editor-tab][data-path="${path}"]`)
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\nA sentence that was never saved.')
    const typedAt = Date.now()
    while (!(await journalTexts(app.workspace)).includes('never saved')) {
      expect(Date.now() - typedAt).toBeLessThan(1000)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    // The page dies without its unload handlers, as in a crash, before autosave ran.
    await page.close({ runBeforeUnload: false })
    expect(await readFile(join(app.workspace, path), 'utf8')).not.toContain('never saved')

    const reopened = await app.browser.newPage({ viewport: { width: 1440, height: 900 } })
    await reopened.goto(app.server.url)
    const entry = reopened.locator(`[data-testid=journal-entry][data-path="${path}"]`)
    await entry.waitFor()
    expect(await entry.textContent()).toContain('A sentence that was never saved.')
    await reopened.screenshot({ path: 'test-results/journal-prompt.png' })
    await entry.locator('[data-testid=journal-restore]').click()
    await reopened.waitForSelector('[data-testid=journal-prompt]', { state: 'detached' })
    await reopened.waitForSelector(`[data-testid=editor-tab][data-path="${path}"]`)
    const text = (await reopened.locator('[data-testid=editor] .cm-line').allTextContents()).join(
      '\n',
    )
    expect(text).toContain('A sentence that was never saved.')
    // Restored edits are unsaved edits: the tab says so until they are saved.
    expect(await reopened.getAttribute('[data-testid=save-state]', 'data-state')).toBe('dirty')
    await reopened.click('[data-testid=editor] .cm-content')
    await reopened.keyboard.press('Control+s')
    await reopened.waitForSelector('[data-testid=save-state][data-state=saved]')
    expect(await readFile(join(app.workspace, path), 'utf8')).toContain('never saved')
    expect(await journalTexts(app.workspace)).toBe('')
  }, 60_000)
})
