import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createArticle, cursorToEnd, useApp } from './appHarness'

const app = useApp()

const paragraphs = 120

/** Runs `fn` on the preview frame's document. */
function inPreview<T>(page: Page, fn: (doc: Document) => T): Promise<T> {
  return page.locator('[data-testid=preview-frame]').evaluate((frame, source) => {
    const doc = (frame as HTMLIFrameElement).contentDocument as Document
    return (0, eval)(source)(doc)
  }, `(${fn.toString()})`) as Promise<T>
}

/** Tags every paragraph now in the preview, so a test can tell kept nodes from new ones. */
function tagParagraphs(page: Page): Promise<number> {
  return inPreview(page, (doc) => {
    const all = Array.from(doc.querySelectorAll('p'))
    all.forEach((p) => ((p as unknown as { folioTag: boolean }).folioTag = true))
    return all.length
  })
}

/** The texts of the preview paragraphs that are not the tagged nodes. */
function untaggedParagraphs(page: Page): Promise<string[]> {
  return inPreview(page, (doc) =>
    Array.from(doc.querySelectorAll('p'))
      .filter((p) => !(p as unknown as { folioTag?: boolean }).folioTag)
      .map((p) => p.textContent ?? ''),
  )
}

async function waitForPreviewText(page: Page, text: string): Promise<void> {
  await page.frameLocator('[data-testid=preview-frame]').locator('p', { hasText: text }).waitFor()
}

describe('preview patching', () => {
  it('replaces only the paragraph being typed in and renumbers the blocks below', async () => {
    const { page } = app
    await createArticle(page, 'Patched preview')
    await cursorToEnd(page)
    const body = Array.from({ length: paragraphs }, (_, i) => `Paragraph number ${i} here.`)
    await page.keyboard.insertText('\n\n' + body.join('\n\n'))
    await waitForPreviewText(page, `Paragraph number ${paragraphs - 1} here.`)
    expect(await tagParagraphs(page)).toBeGreaterThanOrEqual(paragraphs)

    // Click the middle paragraph in the preview: the cursor goes to its line.
    await page
      .frameLocator('[data-testid=preview-frame]')
      .locator('p', { hasText: 'Paragraph number 60 here.' })
      .click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Typed')
    await waitForPreviewText(page, 'Paragraph number 60 here. Typed')
    expect(await untaggedParagraphs(page)).toEqual(['Paragraph number 60 here. Typed'])

    // A new line inside it moves every block below by one line, without replacing them.
    const lineOfLast = await inPreview(page, (doc) =>
      Number(Array.from(doc.querySelectorAll('p[data-line]')).pop()?.getAttribute('data-line')),
    )
    expect(lineOfLast).toBeGreaterThan(paragraphs * 2)
    await page.keyboard.press('Enter')
    await page.keyboard.type('Morsel')
    await waitForPreviewText(page, 'Morsel')
    expect(await untaggedParagraphs(page)).toEqual(['Paragraph number 60 here. Typed\nMorsel'])
    const lastNow = await inPreview(page, (doc) =>
      Number(Array.from(doc.querySelectorAll('p[data-line]')).pop()?.getAttribute('data-line')),
    )
    expect(lastNow).toBe(lineOfLast + 1)
  })

  it('scrolls the preview with the editor, both ways down the long article', async () => {
    const { page } = app
    const previewTop = () =>
      inPreview(page, (doc) => {
        const scroller = doc.scrollingElement as Element
        return scroller.scrollTop / (scroller.scrollHeight - scroller.clientHeight)
      })
    await page.keyboard.press('Control+End')
    await expect.poll(previewTop, { timeout: 5000 }).toBeGreaterThan(0.8)
    await page.keyboard.press('Control+Home')
    await expect.poll(previewTop, { timeout: 5000 }).toBeLessThan(0.1)
  })

  it('reloads the page with the whole body when the title changes, and keeps patching', async () => {
    const { page } = app
    await createArticle(page, 'Retitled preview')
    await cursorToEnd(page)
    await page.keyboard.insertText('\n\nFirst block.\n\nSecond block.')
    await waitForPreviewText(page, 'Second block.')
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('End')
    await page.keyboard.type(' Renamed')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('h1', { hasText: 'Renamed' }).first().waitFor()
    expect(await frame.locator('p', { hasText: 'First block.' }).count()).toBe(1)
    await cursorToEnd(page)
    await page.keyboard.type(' Again')
    await waitForPreviewText(page, 'Second block. Again')
    expect(await frame.locator('p', { hasText: 'Second block.' }).count()).toBe(1)
  })

  it('reads JSON front matter as the build does: the title in the page header, none of it in the body', async () => {
    const { page } = app
    await createArticle(page, 'Json front matter')
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(
      '{\n  "title": "From JSON",\n\n  "tags": ["json"]\n}\n\nBody after JSON.',
    )
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('h1', { hasText: 'From JSON' }).first().waitFor()
    await waitForPreviewText(page, 'Body after JSON.')
    expect(await inPreview(page, (doc) => doc.body.textContent ?? '')).not.toContain('"tags"')
  })
})
