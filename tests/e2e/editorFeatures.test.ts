import { mkdir } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createArticle, cursorToEnd, useApp } from './appHarness'

const app = useApp()

/** The editor's text as the author sees it, line by line. */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=editor] .cm-line').allTextContents()).join('\n')
}

/** Starts a new article and puts the cursor on an empty line below its front matter. */
async function freshBody(page: Page, title: string): Promise<void> {
  await createArticle(page, title)
  await cursorToEnd(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
}

describe('editor features in the browser', () => {
  it('bolds the selection with Ctrl+B and shows it bold in the preview', async () => {
    const { page } = app
    await freshBody(page, 'Bold words')
    await page.keyboard.type('strong words')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+b')
    expect(await editorText(page)).toContain('**strong words**')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('strong', { hasText: 'strong words' }).waitFor()
  })

  it('continues a list on Enter and nests it on Tab', async () => {
    const { page } = app
    await freshBody(page, 'Lists')
    await page.keyboard.type('- first')
    await page.keyboard.press('Enter')
    await page.keyboard.type('second')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.type('nested')
    const text = await editorText(page)
    expect(text).toContain('- first\n- second\n  - nested')
  })

  it('types into the editor state itself, with brackets, undo, multiple cursors and IME', async () => {
    const { page } = app
    await freshBody(page, 'Typing paths')
    // Count typed insertions the editor took over (cancelled before the browser edits the DOM).
    await page.evaluate(() => {
      const w = window as unknown as { typedByEditor: number; typedByBrowser: number }
      w.typedByEditor = 0
      w.typedByBrowser = 0
      window.addEventListener('beforeinput', (event) => {
        if (event.inputType !== 'insertText') return
        if (event.defaultPrevented) w.typedByEditor++
        else w.typedByBrowser++
      })
    })
    await page.keyboard.type('cat (dog')
    expect(await editorText(page)).toContain('cat (dog)')
    const counts = await page.evaluate(() => {
      const w = window as unknown as { typedByEditor: number; typedByBrowser: number }
      return [w.typedByEditor, w.typedByBrowser]
    })
    expect(counts).toEqual([8, 0])
    // Typed text is one undo step, as before.
    await page.keyboard.press('Control+z')
    expect(await editorText(page)).not.toContain('cat')
    // Every cursor gets the typed text: select both "cat"s, then type over them.
    await page.keyboard.type('cat and cat')
    await page.keyboard.press('Home')
    await page.keyboard.press('Control+d')
    await page.keyboard.press('Control+d')
    await page.keyboard.type('owl')
    expect(await editorText(page)).toContain('owl and owl')
    // An input method's composition keeps the browser's own path and lands whole.
    await page.keyboard.press('End')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 })
    await cdp.send('Input.imeSetComposition', {
      text: 'にほん',
      selectionStart: 3,
      selectionEnd: 3,
    })
    await cdp.send('Input.insertText', { text: '日本' })
    await cdp.detach()
    await page.keyboard.type('!')
    expect(await editorText(page)).toContain('owl and owl日本!')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('p', { hasText: 'owl and owl日本!' }).waitFor()
  })

  it('brings the cursor back into view when typing where it is scrolled away', async () => {
    const { page } = app
    await freshBody(page, 'Long scroll')
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of a long article.`)
    await page.keyboard.insertText(lines.join('\n'))
    await page.locator('[data-testid=editor] .cm-line', { hasText: 'Line 120 of' }).waitFor()
    // The cursor is on the last line; scroll to the top, away from it, and type.
    const scroller = page.locator('[data-testid=editor] .cm-scroller')
    await scroller.evaluate((element) => (element.scrollTop = 0))
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=editor] .cm-line')?.textContent?.includes('120'),
    )
    await page.keyboard.type(' More.')
    const inView = async () =>
      page.evaluate(() => {
        const cursor = document.querySelector('[data-testid=editor] .cm-cursor-primary')
        const box = document.querySelector('[data-testid=editor] .cm-scroller')
        if (!cursor || !box) return false
        const c = cursor.getBoundingClientRect()
        const b = box.getBoundingClientRect()
        return c.top >= b.top && c.bottom <= b.bottom
      })
    await expect.poll(inView).toBe(true)
    expect(await editorText(page)).toContain('Line 120 of a long article. More.')
  })

  it('keeps lines below the cursor when typing at the foot of the editor scrolls it', async () => {
    const { page } = app
    await freshBody(page, 'Foot of the editor')
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of a long article.`)
    await page.keyboard.insertText(lines.join('\n'))
    // Scroll line 60 to the very bottom of the editor and put the cursor at its end.
    const line60 = page.locator('[data-testid=editor] .cm-line', { hasText: 'Line 60 of' })
    const scroller = page.locator('[data-testid=editor] .cm-scroller')
    await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight / 2))
    await line60.waitFor()
    const bottomGap = () =>
      line60.evaluate((line) => {
        const box = line.closest('.cm-scroller') as HTMLElement
        return box.getBoundingClientRect().bottom - line.getBoundingClientRect().bottom
      })
    await scroller.evaluate((element, gap) => (element.scrollTop -= gap), await bottomGap())
    await expect.poll(bottomGap).toBeLessThan(2)
    await line60.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' More.')
    const lineHeight = await line60.evaluate((line) => line.getBoundingClientRect().height)
    // The page moved up so that about three lines of the article show below the one typed in.
    await expect.poll(bottomGap).toBeGreaterThan(2.5 * lineHeight)
    expect(await editorText(page)).toContain('Line 60 of a long article. More.')
  })

  it('blinks the caret by a timer, solid at every keystroke, steady with reduced motion', async () => {
    const { page } = app
    await freshBody(page, 'Caret')
    await page.keyboard.type('abc')
    const layer = '[data-testid=editor] .cm-cursorLayer'
    const caretState = () =>
      page.evaluate((selector) => {
        const element = document.querySelector(selector) as HTMLElement
        return {
          visibility: getComputedStyle(element).visibility,
          // A CSS animation here would be restarted by every keystroke (the cost this avoids).
          animations: element.getAnimations().length,
          cursors: element.querySelectorAll('.cm-cursor-primary').length,
        }
      }, layer)
    expect(await caretState()).toEqual({ visibility: 'visible', animations: 0, cursors: 1 })
    // Left alone, the caret blinks: hidden, then shown again.
    const caretIs = (visibility: string) =>
      page.waitForFunction(
        ([selector, wanted]) =>
          getComputedStyle(document.querySelector(selector) as HTMLElement).visibility === wanted,
        [layer, visibility] as const,
        { timeout: 5000, polling: 20 },
      )
    await caretIs('hidden')
    await caretIs('visible')
    // A key pressed while the caret is hidden shows it in the same frame as the character.
    await caretIs('hidden')
    await page.keyboard.type('d')
    expect(await caretState()).toMatchObject({ visibility: 'visible', animations: 0 })
    expect(await editorText(page)).toContain('abcd')
    // With reduced motion the caret stays solid.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.keyboard.type('e')
    const hiddenSeen = await page.evaluate(
      (selector) =>
        new Promise<boolean>((resolve) => {
          const element = document.querySelector(selector) as HTMLElement
          const until = performance.now() + 2000
          const look = () => {
            if (getComputedStyle(element).visibility === 'hidden') resolve(true)
            else if (performance.now() > until) resolve(false)
            else setTimeout(look, 20)
          }
          look()
        }),
      layer,
    )
    expect(hiddenSeen).toBe(false)
    await page.emulateMedia({ reducedMotion: 'no-preference' })
  })

  it('formats a table when Tab moves between cells', async () => {
    const { page } = app
    await freshBody(page, 'Tables')
    await page.keyboard.insertText('| Name | Qty |\n|-|-|\n| Rope')
    await page.keyboard.press('Tab')
    await page.keyboard.type('12')
    expect(await editorText(page)).toContain('| Name | Qty |\n| ---- | --- |\n| Rope | 12')
    // The padded columns line up on screen: the second `|` of every row is at the same x.
    const pipes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=editor] .cm-line.cm-tableLine')].map((line) => {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT)
        let seen = 0
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? ''
          for (let i = 0; i < text.length; i++) {
            if (text[i] !== '|' || ++seen < 2) continue
            const range = document.createRange()
            range.setStart(node, i)
            range.setEnd(node, i + 1)
            return Math.round(range.getBoundingClientRect().left)
          }
        }
        return null
      }),
    )
    expect(pipes).toHaveLength(3)
    expect(new Set(pipes).size).toBe(1)
  })

  it('finds and replaces through the search panel', async () => {
    const { page } = app
    await freshBody(page, 'Find and replace')
    await page.keyboard.type('Rope is rope. Rope!')
    await page.click('[data-testid=format-find]')
    // Typed, as an author does: the panel takes the query from each key.
    const findField = page.locator('.cm-search input[name=search]')
    await findField.pressSequentially('Rope')
    const count = page.locator('[data-testid=search-count]')
    await expect.poll(() => count.textContent()).toBe('3 matches')
    await page.keyboard.press('Enter')
    await expect.poll(() => count.textContent()).toBe('1 of 3')
    // Enter leaves the query selected in the field; type after it.
    await page.keyboard.press('End')
    await page.keyboard.type('s')
    await expect.poll(() => count.textContent()).toBe('No matches')
    await page.keyboard.press('Backspace')
    await page.fill('.cm-search input[name=replace]', 'Cord')
    await page.click('.cm-search button[name=replaceAll]')
    await page.keyboard.press('Escape')
    // Case-insensitive by default, as in every editor's find panel.
    expect(await editorText(page)).toContain('Cord is Cord. Cord!')
  })

  it('switches the preview between phone, tablet and desktop widths, each laid out at its own width', async () => {
    const { page } = app
    const frame = page.locator('[data-testid=preview-frame]')
    /** The page's own width (what its CSS sees) and the width it takes on screen. */
    const widths = async () => ({
      layout: await frame.evaluate((f) => (f as HTMLIFrameElement).contentWindow?.innerWidth),
      shown: Math.round((await frame.boundingBox())?.width ?? 0),
    })
    const pane = Math.round((await page.locator('.preview-stage').boundingBox())?.width ?? 0)
    await page.click('[data-testid=preview-width-phone]')
    expect(await widths()).toEqual({ layout: 390, shown: 390 })
    await page.click('[data-testid=preview-width-tablet]')
    const tablet = await widths()
    expect(tablet.layout).toBe(820)
    expect(tablet.shown).toBeLessThanOrEqual(pane)
    await page.click('[data-testid=preview-width-desktop]')
    const desktop = await widths()
    expect(desktop.layout).toBeGreaterThanOrEqual(1280)
    expect(desktop.shown).toBeLessThanOrEqual(pane)
    expect(desktop.shown).toBeGreaterThan(390)
    await page.click('[data-testid=preview-width-fit]')
    expect(await widths()).toEqual({ layout: pane, shown: pane })
  })

  it('moves the cursor to a block clicked in the preview', async () => {
    const { page } = app
    await freshBody(page, 'Click to place')
    await page.keyboard.type('Intro line.\n\nstrong words')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('Control+b')
    await page.keyboard.press('Control+Home')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('strong', { hasText: 'strong words' }).click()
    await page.keyboard.type('X')
    const lines = await page.locator('[data-testid=editor] .cm-line').allTextContents()
    expect(lines.some((line) => line.startsWith('X**strong words**'))).toBe(true)
    await page.keyboard.press('Backspace')
  })

  it('follows the OS colour scheme and switches by hand (screenshots)', async () => {
    const { page } = app
    await mkdir('test-results', { recursive: true })
    await freshBody(page, 'Colours')
    await page.keyboard.type('Light and dark.')
    // Save first: reloading with unsaved edits would (rightly) ask before leaving.
    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=save-state][data-state=saved]', { timeout: 5000 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.evaluate(() => localStorage.removeItem('folio.theme'))
    // Autosave catches up with the other tabs within its delay.
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=editor-tab] .dirty-dot'),
      null,
      {
        timeout: 5000,
      },
    )
    await page.reload()
    await page.waitForSelector('[data-testid=article-item]', { timeout: 5000 })
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await page.click('[data-testid=article-item] >> text=Welcome to Field Notes')
    await page
      .frameLocator('[data-testid=preview-frame]')
      .locator('h2')
      .first()
      .waitFor({ timeout: 5000 })
    // In a 1440-pixel window (three panes) every tool is in sight on one-line buttons, the date
    // shows whole, and the status bar keeps to one line.
    const layout = await page.evaluate(() => {
      const box = (element: Element) => element.getBoundingClientRect()
      const toolbar = box(document.querySelector('[role=toolbar]') as Element)
      const tools = [...document.querySelectorAll('[role=toolbar] .toolbar-button')].map(box)
      return {
        toolsOutside: tools.filter(
          (tool) => tool.left < toolbar.left || tool.right > toolbar.right || tool.height > 30,
        ).length,
        tools: tools.length,
        dateWidth: box(document.querySelector('.fm-date input') as Element).width,
        statusHeight: box(document.querySelector('.status-bar') as Element).height,
      }
    })
    expect(layout.tools).toBeGreaterThan(15)
    expect(layout.toolsOutside).toBe(0)
    expect(layout.dateWidth).toBeGreaterThanOrEqual(120)
    expect(layout.statusHeight).toBeLessThanOrEqual(30)
    await page.screenshot({ path: 'test-results/theme-light.png' })
    await page.click('[data-testid=theme-toggle]')
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    // The window's own controls turn dark too (once their colour transition is over), so the
    // screenshot shows the theme as the author sees it.
    const paper = 'rgb(28, 27, 25)'
    await page.waitForFunction(
      (paper) =>
        ['[data-testid=open-folder-button]', '.fm-field input:not([type=checkbox])'].every(
          (selector) => {
            const element = document.querySelector(selector)
            return element !== null && getComputedStyle(element).backgroundColor === paper
          },
        ),
      paper,
      { timeout: 5000 },
    )
    await page.screenshot({ path: 'test-results/theme-dark.png' })
    await page.click('[data-testid=theme-toggle]')
  })

  it('fits a 1000-pixel window: whole form fields, one row of preview buttons, counts in full', async () => {
    const { page } = app
    await page.setViewportSize({ width: 1000, height: 800 })
    try {
      await page.click('[data-testid=article-item] >> text=Welcome to Field Notes')
      await page.locator('[data-testid=word-count]').waitFor({ timeout: 5000 })
      const layout = await page.evaluate(() => {
        const box = (selector: string) =>
          (document.querySelector(selector) as Element).getBoundingClientRect()
        const counts = document.querySelector('[data-testid=word-count]') as HTMLElement
        const tags = box('.fm-tags')
        const cover = box('.fm-cover')
        return {
          title: box('[data-testid=fm-title]').width,
          tagsClearOfCover: tags.bottom <= cover.top || tags.right <= cover.left,
          previewBar: box('.preview-bar').height,
          countsCut: counts.scrollWidth > counts.clientWidth,
        }
      })
      expect(layout.title).toBeGreaterThanOrEqual(250)
      expect(layout.tagsClearOfCover).toBe(true)
      expect(layout.previewBar).toBeLessThanOrEqual(36)
      expect(layout.countsCut).toBe(false)
      await page.screenshot({ path: 'test-results/window-1000.png' })
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 })
    }
  })
})
