import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useApp } from './appHarness'

const extra = 10_000

const app = useApp(async ({ workspace }) => {
  for (let start = 0; start < extra; start += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, extra - start) }, (_, k) => {
        const n = start + k
        const day = String((n % 28) + 1).padStart(2, '0')
        return writeFile(
          join(workspace, 'posts', `bulk-${String(n).padStart(5, '0')}.md`),
          `---\ntitle: Bulk note ${String(n).padStart(5, '0')}\ndate: 2020-01-${day}\n---\n\nText ${n}.\n`,
        )
      }),
    )
  }
}, 120_000)

describe('a workspace of ten thousand articles', () => {
  it('lists every article but renders only the rows in view', async () => {
    const { page } = app
    await page.reload()
    await page.waitForFunction(
      (total) =>
        document.querySelector('[data-testid=article-count]')?.textContent === String(total),
      extra + 4,
      { timeout: 60_000 },
    )
    const rendered = await page.locator('[data-testid=article-item]').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(60)

    await page.selectOption('[data-testid=article-sort]', 'title')
    const list = page.locator('[data-testid=article-list]')
    await list.evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    const last = page.locator('[data-testid=article-item]', { hasText: 'Welcome to Field Notes' })
    await last.waitFor()
    expect(await page.locator('[data-testid=article-item]').count()).toBeLessThan(60)
    await page.locator('[data-testid=article-item]', { hasText: 'Bulk note 09999' }).waitFor()
  }, 90_000)
})
