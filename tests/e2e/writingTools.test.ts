import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createArticle, cursorToEnd, useApp } from './appHarness'

const app = useApp(async () => {
  await mkdir('test-results', { recursive: true })
})

async function editorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=editor] .cm-line').allTextContents()).join('\n')
}

async function openArticle(page: Page, path: string): Promise<void> {
  await page.click(`[data-testid=article-item][data-path="${path}"]`)
  await page.waitForSelector(`[data-testid=editor-tab][aria-selected=true][data-path="${path}"]`)
}

describe('the front matter form', () => {
  it('writes form changes into the text, and follows edits of the text', async () => {
    const { page } = app
    await openArticle(page, 'posts/measuring-a-walk.md')
    expect(await page.inputValue('[data-testid=fm-title]')).toBe('Measuring a Walk')
    expect(await page.inputValue('[data-testid=fm-date]')).toBe('2025-01-20')

    await page.fill('[data-testid=fm-title]', 'Measuring a Long Walk')
    await page.check('[data-testid=fm-draft]')
    await page.fill('[data-testid=fm-date]', '2025-04-01')
    await page.fill('[data-testid=fm-tag-input]', 'hiking')
    await page.keyboard.press('Enter')
    let text = await editorText(page)
    expect(text).toContain('title: Measuring a Long Walk')
    expect(text).toContain('date: 2025-04-01')
    expect(text).toContain('tags: [walking, code, hiking]')
    expect(text).toContain('draft: true')
    // Everything else in the front matter is untouched.
    expect(text).toContain('updated: 2025-01-28')
    await page.screenshot({ path: 'test-results/frontmatter-form.png' })

    // Text → form: typing in the front matter updates the form.
    await page.locator('[data-testid=editor] .cm-line', { hasText: 'title: Measuring' }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(', Again')
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=fm-title]') as HTMLInputElement).value ===
        'Measuring a Long Walk, Again',
    )
    // Undo in the editor reverts the typing, then the last form edit (the tag), and the form follows.
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+z')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=fm-tag]').length === 2)
    text = await editorText(page)
    expect(text).toContain('tags: [walking, code]')
    expect(await page.inputValue('[data-testid=fm-title]')).toBe('Measuring a Long Walk')

    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=save-state][data-state=saved]')
    const onDisk = await readFile(join(app.workspace, 'posts/measuring-a-walk.md'), 'utf8')
    expect(onDisk).toContain('title: Measuring a Long Walk\n')
    expect(onDisk).toContain('draft: true')
  }, 60_000)

  it('writes a typed date once it is whole, and keeps it while a part is retyped', async () => {
    const { page } = app
    await openArticle(page, 'posts/a-week-on-the-coast/index.md')
    const box = await page.locator('[data-testid=fm-date]').boundingBox()
    if (!box) throw new Error('no date field')
    // The month part (the field reads mm/dd/yyyy), then month, day and year typed in one go.
    await page.mouse.click(box.x + 14, box.y + box.height / 2)
    await page.keyboard.type('12252024')
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=editor] .cm-content')
        ?.textContent?.includes('date: 2024-12-25'),
    )
    // Backspace empties the year part only: the text keeps the date.
    await page.keyboard.press('Backspace')
    await page.keyboard.type('2026')
    await page.keyboard.type('77')
    const text = await editorText(page)
    expect(text).toMatch(/^date: 2026-12-25$/m)
    expect(text).not.toMatch(/date: \d{5}/)
    await page.keyboard.press('Control+z')
  }, 60_000)

  it('writes a title typed word by word without quotes, undone in one step', async () => {
    const { page } = app
    await openArticle(page, 'posts/notes-on-notebooks.md')
    const before = await editorText(page)
    await page.click('[data-testid=fm-title]')
    await page.keyboard.press('End')
    await page.keyboard.type(' Again')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=editor] .cm-content')?.textContent?.includes('Again'),
    )
    const text = await editorText(page)
    expect(text).toMatch(/^title: Notes on Notebooks Again$/m)
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+z')
    expect(await editorText(page)).toBe(before)
  }, 60_000)

  it('keeps a click that lands while the form is re-reading the text', async () => {
    const { page } = app
    await openArticle(page, 'posts/welcome-to-field-notes.md')
    expect(await page.isChecked('[data-testid=fm-draft]')).toBe(false)
    // A title edit starts the form's re-reading of the text 150 ms later. The click on Draft is
    // timed to land just after that reading was taken and before the page shows it.
    const shown = await page.evaluate(async () => {
      const title = document.querySelector('[data-testid=fm-title]') as HTMLInputElement
      const draft = document.querySelector('[data-testid=fm-draft]') as HTMLInputElement
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
      setValue.call(title, title.value + '!')
      title.dispatchEvent(new Event('input', { bubbles: true }))
      const clicked = new Promise<void>((done) =>
        setTimeout(() => {
          draft.click()
          done()
        }, 150),
      )
      // Both timers fall due together, the form's first.
      const until = performance.now() + 200
      while (performance.now() < until);
      await clicked
      await new Promise((done) => setTimeout(done, 50))
      return draft.checked
    })
    expect(shown).toBe(true)
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=editor] .cm-line')].some(
        (line) => line.textContent === 'draft: true',
      ),
    )
    expect(await page.isChecked('[data-testid=fm-draft]')).toBe(true)
    expect(await page.inputValue('[data-testid=fm-title]')).toMatch(/!$/)
  }, 60_000)

  it('is disabled with the problem shown when the front matter is malformed', async () => {
    const { page } = app
    await openArticle(page, 'posts/notes-on-notebooks.md')
    await page.locator('[data-testid=editor] .cm-line', { hasText: 'tags: [writing]' }).click()
    await page.keyboard.press('End')
    await page.keyboard.press('Backspace')
    await page.waitForSelector('[data-testid=frontmatter-form-error]')
    expect(await page.isDisabled('[data-testid=fm-title]')).toBe(true)
    await page.keyboard.type(']')
    await page.waitForSelector('[data-testid=frontmatter-form-error]', { state: 'detached' })
    expect(await page.isDisabled('[data-testid=fm-title]')).toBe(false)
  }, 60_000)
})

describe('images', () => {
  it('pastes an image: the file lands in the bundle, Markdown is inserted, the preview shows it', async () => {
    const { page } = app
    const bundle = 'posts/a-week-on-the-coast'
    await openArticle(page, `${bundle}/index.md`)
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    const png = (await readFile(join(app.workspace, bundle, 'harbour.png'))).toString('base64')
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], 'tide chart.png', { type: 'image/png' }))
      const paste = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      })
      document.querySelector('[data-testid=editor] .cm-content')?.dispatchEvent(paste)
    }, png)
    await page.waitForFunction(() =>
      /!\[[^\]]*\]\([^)]*tide[^)]*\.png\)/.test(
        document.querySelector('[data-testid=editor] .cm-content')?.textContent ?? '',
      ),
    )
    // The alt text is selected: typing replaces it.
    await page.keyboard.type('Tide chart for the week')
    const text = await editorText(page)
    const inserted = /!\[Tide chart for the week\]\(([^)]+)\)/.exec(text)
    expect(inserted).not.toBeNull()
    const link = decodeURIComponent((inserted as RegExpExecArray)[1])
    expect(link).not.toContain('/')
    const stored = await readFile(join(app.workspace, bundle, link))
    expect(stored.toString('base64')).toBe(png)

    const frame = page.frameLocator('[data-testid=preview-frame]')
    const image = frame.locator('img[alt="Tide chart for the week"]')
    await image.waitFor()
    await page.waitForFunction(() => {
      const doc = (document.querySelector('[data-testid=preview-frame]') as HTMLIFrameElement)
        .contentDocument
      const img = doc?.querySelector(
        'img[alt="Tide chart for the week"]',
      ) as HTMLImageElement | null
      return img !== null && img.complete && img.naturalWidth > 0
    })
    await image.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/image-paste.png' })
  }, 60_000)

  it('leaves the completion asleep while prose is typed', async () => {
    const { page } = app
    await openArticle(page, 'posts/measuring-a-walk.md')
    await cursorToEnd(page)
    await page.keyboard.type('\nPlain words')
    await page.waitForTimeout(300)
    // Counts the editor's transactions (CodeMirror keeps its view on the content element).
    await page.evaluate(() => {
      type Tile = { root?: { view?: unknown }; rootView?: { view?: unknown } }
      const content = document.querySelector('[data-testid=editor] .cm-content') as HTMLElement & {
        cmTile?: Tile
        cmView?: Tile
      }
      const tile = content.cmTile ?? content.cmView
      const view = (tile?.root?.view ?? tile?.rootView?.view) as {
        dispatch: (...args: unknown[]) => void
      }
      const dispatch = view.dispatch
      const counted = window as unknown as { dispatches: number }
      counted.dispatches = 0
      view.dispatch = function (...args: unknown[]) {
        counted.dispatches++
        dispatch.apply(this, args)
      }
    })
    await page.keyboard.type(' here')
    await page.waitForTimeout(400)
    // One transaction per key, and none after them (CodeMirror's activation on typing would ask
    // the source and then dispatch its empty answer).
    expect(
      await page.evaluate(() => (window as unknown as { dispatches: number }).dispatches),
    ).toBe(5)
    expect(await page.locator('.cm-tooltip-autocomplete').count()).toBe(0)
    // Where an image's alt text starts, it opens.
    await page.keyboard.type(' ![')
    await page.locator('.cm-tooltip-autocomplete li', { hasText: 'harbour.png' }).waitFor()
    await page.keyboard.press('Escape')
  }, 60_000)

  it('completes links to other articles after [text](', async () => {
    const { page } = app
    await openArticle(page, 'posts/measuring-a-walk.md')
    await cursorToEnd(page)
    await page.keyboard.type('\nSee [the notebook](')
    await page.keyboard.type('notes')
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'notes-on-notebooks.md' })
    await option.waitFor()
    await page.screenshot({ path: 'test-results/link-completion.png' })
    await page.keyboard.press('Enter')
    expect(await editorText(page)).toContain('See [the notebook](notes-on-notebooks.md')
  }, 60_000)
})

describe('search across the workspace', () => {
  it('finds matching lines in every article and opens one at its line', async () => {
    const { page } = app
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+Shift+F')
    await page.fill('[data-testid=workspace-search-input]', 'lifeboat station')
    const result = page.locator(
      '[data-testid=search-result][data-path="posts/a-week-on-the-coast/index.md"]',
    )
    await result.waitFor()
    expect(await page.locator('[data-testid=search-result]').count()).toBe(1)
    const line = result.locator('[data-testid=search-line]').first()
    expect(await line.textContent()).toContain('lifeboat station')
    const lineNumber = Number(await line.getAttribute('data-line'))
    await page.screenshot({ path: 'test-results/workspace-search.png' })
    await line.click()
    await page.waitForSelector(
      '[data-testid=editor-tab][aria-selected=true][data-path="posts/a-week-on-the-coast/index.md"]',
    )
    const cursorLine = await page.evaluate(() => {
      const selection = window.getSelection()
      const node = selection?.anchorNode
      const element = node instanceof Element ? node : node?.parentElement
      return element?.closest('.cm-line')?.textContent ?? null
    })
    expect(cursorLine).toContain('lifeboat station')
    const lines = (
      await readFile(join(app.workspace, 'posts/a-week-on-the-coast/index.md'), 'utf8')
    ).split('\n')
    expect(lines[lineNumber - 1]).toContain('lifeboat station')
  }, 60_000)
  it('finds words typed a moment ago, before autosave would have saved them', async () => {
    const { page } = app
    await page.keyboard.press('Escape')
    await openArticle(page, 'posts/notes-on-notebooks.md')
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\nA zanzibarquill line.')
    await page.keyboard.press('Control+Shift+F')
    await page.fill('[data-testid=workspace-search-input]', 'zanzibarquill')
    await page
      .locator('[data-testid=search-result][data-path="posts/notes-on-notebooks.md"]')
      .waitFor({ timeout: 1000 })
    await page.keyboard.press('Escape')
  }, 60_000)
})

describe('preview of the home page and editor settings', () => {
  it('shows the home page with the edited article on it', async () => {
    const { page } = app
    // A published article to stand beside it (earlier tests may have made it a draft).
    await openArticle(page, 'posts/welcome-to-field-notes.md')
    await page.uncheck('[data-testid=fm-draft]')
    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=save-state][data-state=saved]')
    await openArticle(page, 'posts/notes-on-notebooks.md')
    await page.fill('[data-testid=fm-title]', 'Notes on Pocket Notebooks')
    await page.click('[data-testid=preview-page-home]')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    // The draft is on the home page because it is the article being edited; others are listed too.
    await frame.locator('text=Notes on Pocket Notebooks').first().waitFor()
    await frame.locator('text=Welcome to Field Notes').first().waitFor()
    await page.screenshot({ path: 'test-results/preview-home.png' })
    await page.click('[data-testid=preview-page-article]')
    await frame.locator('h1', { hasText: 'Notes on Pocket Notebooks' }).waitFor()
  }, 60_000)

  it('switches Vim keys and the spelling language, and hides everything but the editor', async () => {
    const { page } = app
    await openArticle(page, 'posts/welcome-to-field-notes.md')
    await page.click('[data-testid=settings-button]')
    await page.selectOption('[data-testid=setting-spell-language]', 'en-GB')
    const content = page.locator('[data-testid=editor] .cm-content')
    expect(await content.getAttribute('lang')).toBe('en-GB')
    expect(await content.getAttribute('spellcheck')).toBe('true')
    await page.check('[data-testid=setting-vim]')
    await page.screenshot({ path: 'test-results/editor-settings.png' })
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Escape')
    await page.keyboard.press('g')
    await page.keyboard.press('g')
    await page.keyboard.press('d')
    await page.keyboard.press('d')
    // `gg` then `dd` removed the first line (the front matter fence) in normal mode.
    expect((await editorText(page)).startsWith('title:')).toBe(true)
    await page.keyboard.press('u')
    expect((await editorText(page)).startsWith('---')).toBe(true)
    // Vim's block cursor blinks like the plain caret (by the editor's timer, not an animation).
    for (const visibility of ['hidden', 'visible'])
      await page.waitForFunction(
        (wanted) => {
          const layer = document.querySelector('[data-testid=editor] .cm-vimCursorLayer')
          return layer !== null && getComputedStyle(layer).visibility === wanted
        },
        visibility,
        { timeout: 5000, polling: 20 },
      )
    await page.click('[data-testid=settings-button]')
    await page.uncheck('[data-testid=setting-vim]')
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.type('x')
    expect(await editorText(page)).toContain('x')
    await page.keyboard.press('Backspace')

    await page.click('[data-testid=distraction-free-toggle]')
    await page.waitForSelector('[data-testid=preview-frame]', { state: 'hidden' })
    expect(await page.isVisible('[data-testid=article-list]')).toBe(false)
    expect(await page.isVisible('[data-testid=editor] .cm-content')).toBe(true)
    await page.screenshot({ path: 'test-results/distraction-free.png' })
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid=article-list]', { state: 'visible' })
  }, 60_000)
})

describe('the status bar', () => {
  it('counts the article, then the selection, by the same rule as the published page', async () => {
    const { page } = app
    await createArticle(page, 'Counted words')
    await cursorToEnd(page)
    await page.keyboard.insertText('\n\nOne **two** [three](https://example.com/x) 今日は')
    const counts = page.locator('[data-testid=word-count]')
    // Markup is not words; each CJK character is one: 3 + 3. The title is front matter.
    await expect.poll(() => counts.textContent(), { timeout: 5000 }).toMatch(/^6 words · /)
    await page.keyboard.press('Shift+Home')
    await expect
      .poll(() => counts.textContent(), { timeout: 5000 })
      .toMatch(/^Selection: 6 words · \d+ chars$/)
    // Selecting everything counts the body only, as the article's count does.
    await page.keyboard.press('Control+a')
    await expect
      .poll(() => counts.textContent(), { timeout: 5000 })
      .toMatch(/^Selection: 6 words · /)
    await page.keyboard.press('End')
    await expect
      .poll(() => counts.textContent(), { timeout: 5000 })
      .toMatch(/^6 words · .* 1 min read$/)
  })
})
