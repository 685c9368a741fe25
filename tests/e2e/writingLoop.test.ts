import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createArticle, cursorToEnd, useApp } from './appHarness'

const app = useApp()

async function findFile(dir: string, name: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const found = await findFile(path, name)
      if (found) return found
    } else if (entry.name === name) return path
  }
  return null
}

describe('the writing loop in the browser', () => {
  it('shows a title edited in Folio in the article list, the tab and the home page preview', async () => {
    const { page } = app
    await createArticle(page, 'Harbour walls')
    await page.fill('[data-testid=fm-title]', '')
    await page.locator('[data-testid=fm-title]').pressSequentially('Harbour walls at dusk')
    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=save-state][data-state=saved]')
    const item = page.locator('[data-testid=article-item]', { hasText: 'Harbour walls at dusk' })
    await item.waitFor({ timeout: 5000 })
    await page.locator('[data-testid=editor-tab]', { hasText: 'Harbour walls at dusk' }).waitFor()
    // Another article open: the home page preview takes this one's title from the list.
    await page.click('[data-testid=article-item] >> text=Welcome to Field Notes')
    await page.click('[data-testid=preview-page-home]')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('h2', { hasText: 'Harbour walls at dusk' }).waitFor({ timeout: 5000 })
    await page.click('[data-testid=preview-page-article]')
  })

  it('creates, writes, previews, saves and publishes an article', async () => {
    const { page } = app
    await createArticle(page, 'Tide tables')
    await cursorToEnd(page)
    await page.keyboard.press('Enter')
    await page.keyboard.type('## Low water\n\nCheck the ')
    await page.keyboard.type('[almanac](https://example.com/tides)')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    // Enter on an empty item ends the list; one more Enter leaves a blank line before the table.
    await page.keyboard.type('- boots\nmap\n\n\n')
    await page.keyboard.insertText('| Place | Time |\n| --- | --- |\n| Harbour | 06:12 |\n')

    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('h2', { hasText: 'Low water' }).waitFor()
    await frame.locator('td', { hasText: 'Harbour' }).waitFor()
    expect(await frame.locator('a[href="https://example.com/tides"]').textContent()).toBe('almanac')
    expect(await frame.locator('li').allTextContents()).toEqual(
      expect.arrayContaining(['boots', 'map']),
    )

    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=save-state][data-state=saved]')
    const file = await findFile(join(app.workspace, 'posts'), 'tide-tables.md')
    const onDisk = await readFile(
      file ?? join(app.workspace, 'posts', 'tide-tables', 'index.md'),
      'utf8',
    )
    expect(onDisk).toContain('## Low water')
    expect(onDisk).toContain('| Harbour | 06:12 |')
    expect(onDisk).toContain('[almanac](https://example.com/tides)')

    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/writing-loop.png' })

    await page.click('[data-testid=publish-panel-button]')
    await page.click('[data-testid=publish-target][data-target=local] [data-testid=publish-button]')
    await page.waitForSelector('[data-testid=publish-plan]')
    expect(await page.textContent('[data-testid=publish-plan]')).toMatch(/\d+ new/)
    await page.click('[data-testid=publish-confirm]')
    await page.waitForSelector('[data-testid=publish-result]', { timeout: 30_000 })
    const published = await findFile(join(app.dir, 'public'), 'index.html')
    expect(published).not.toBeNull()
    const pages = await readdir(join(app.dir, 'public'), { recursive: true })
    const articlePage = pages.find(
      (p) => String(p).includes('tide-tables') && String(p).endsWith('index.html'),
    )
    expect(articlePage).toBeDefined()
    expect(await readFile(join(app.dir, 'public', String(articlePage)), 'utf8')).toContain(
      'Low water',
    )
    await page.screenshot({ path: 'test-results/writing-loop-published.png' })
  }, 90_000)
})
