import { access, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useApp } from './appHarness'

const app = useApp()

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** The editor's text as the author sees it, line by line. */
async function editorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=editor] .cm-line').allTextContents()).join('\n')
}

/** Opens `path` in its tab and types `text` at the end of it. */
async function typeAtEnd(page: Page, path: string, text: string): Promise<void> {
  await page.click(item(path))
  await page.waitForSelector(`[data-testid=editor-tab][aria-selected=true][data-path="${path}"]`)
  await page.click('[data-testid=editor] .cm-content')
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

/** Chooses Keep both in the conflict dialog; resolves the path of the copy the notice names. */
async function keepBoth(page: Page): Promise<string> {
  await page.click('[data-testid=conflict-keep-both]')
  await page.waitForSelector('[data-testid=conflict-dialog]', { state: 'detached' })
  const notice = page.locator('[data-testid=info-notice]', { hasText: 'Your version was saved as' })
  await notice.waitFor()
  const copyPath = /saved as (\S+)\.$/.exec(
    (await notice.locator('.notice-text').textContent()) ?? '',
  )?.[1]
  // Closed, so that the next test's notice is the only one.
  await notice.locator('button').click()
  await notice.waitFor({ state: 'detached' })
  if (!copyPath) throw new Error('The notice did not name the copy.')
  return copyPath
}

function item(path: string): string {
  return `[data-testid=article-item][data-path="${path}"]`
}

describe('article management in the browser', () => {
  it('renames the open article: the file moves, links follow, the tab follows', async () => {
    const { page } = app
    const notebooks = join(app.workspace, 'posts/notes-on-notebooks.md')
    await appendFile(notebooks, '\nSee [the coast](a-week-on-the-coast/index.md).\n')
    await page.click(item('posts/a-week-on-the-coast/index.md'))
    await page.waitForSelector(
      '[data-testid=editor-tab][data-path="posts/a-week-on-the-coast/index.md"]',
    )
    await page.hover(item('posts/a-week-on-the-coast/index.md'))
    await page
      .locator('.article-row', { has: page.locator(item('posts/a-week-on-the-coast/index.md')) })
      .locator('[data-testid=article-actions]')
      .click()
    await page.click('[data-testid=article-rename]')
    expect(await page.inputValue('[data-testid=rename-slug]')).toBe('a-week-on-the-coast')
    await page.fill('[data-testid=rename-slug]', 'seven-days-by-the-sea')
    await page.click('[data-testid=rename-confirm]')

    const renamed = 'posts/seven-days-by-the-sea/index.md'
    await page.waitForSelector(`[data-testid=editor-tab][data-path="${renamed}"]`)
    await page.waitForSelector(item(renamed))
    expect(await page.locator(item('posts/a-week-on-the-coast/index.md')).count()).toBe(0)
    expect(await exists(join(app.workspace, renamed))).toBe(true)
    expect(await exists(join(app.workspace, 'posts/seven-days-by-the-sea/harbour.png'))).toBe(true)
    expect(await exists(join(app.workspace, 'posts/a-week-on-the-coast'))).toBe(false)
    expect(await readFile(notebooks, 'utf8')).toContain(
      '[the coast](seven-days-by-the-sea/index.md)',
    )
    // The sample's welcome article links the page URL (../a-week-on-the-coast/): it follows too.
    expect(
      await readFile(join(app.workspace, 'posts/welcome-to-field-notes.md'), 'utf8'),
    ).toContain('](../seven-days-by-the-sea/)')
    expect(await page.textContent('[data-testid=info-notice]')).toContain('links updated in 2')
    // The tab still edits the article: typing and saving lands in the renamed file.
    await page.click('[data-testid=editor] .cm-content')
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\nWritten after the rename.')
    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=save-state][data-state=saved]')
    expect(await readFile(join(app.workspace, renamed), 'utf8')).toContain(
      'Written after the rename.',
    )
  }, 60_000)

  it('moves an article to the trash and restores it from the Trash view', async () => {
    const { page } = app
    const path = 'posts/notes-on-notebooks.md'
    const before = await readFile(join(app.workspace, path), 'utf8')
    await page
      .locator('.article-row', { has: page.locator(item(path)) })
      .locator('[data-testid=article-actions]')
      .click({ force: true })
    await page.click('[data-testid=article-trash]')
    await page.waitForSelector(item(path), { state: 'detached' })
    expect(await exists(join(app.workspace, path))).toBe(false)

    await page.click('[data-testid=trash-toggle]')
    const entry = page.locator(`[data-testid=trash-item][data-path="${path}"]`)
    await entry.waitFor()
    expect(await entry.textContent()).toContain('Notes on Notebooks')
    await mkdir('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/trash-view.png' })
    await entry.locator('[data-testid=trash-restore]').click()
    await page.waitForSelector('[data-testid=trash-empty]')
    expect(await readFile(join(app.workspace, path), 'utf8')).toBe(before)

    await page.click('[data-testid=trash-toggle]')
    await page.waitForSelector(item(path))
  }, 60_000)

  it('filters by text, tag and draft state, and sorts by title', async () => {
    const { page } = app
    const titles = () =>
      page.locator('[data-testid=article-item] .article-item-title').allTextContents()
    await page.fill('[data-testid=article-filter]', 'naismith')
    // Only the body of "Measuring a Walk" mentions Naismith: the backend search finds it.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=article-item]').length === 1,
    )
    expect(await titles()).toEqual(['Measuring a Walk'])
    await page.fill('[data-testid=article-filter]', '')
    await page.selectOption('[data-testid=tag-filter]', 'walking')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=article-item]').length === 2,
    )
    await page.selectOption('[data-testid=tag-filter]', '')
    await page.selectOption('[data-testid=draft-filter]', 'drafts')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=article-item]').length === 1,
    )
    expect(await titles()).toEqual(['Notes on Notebooks'])
    await page.selectOption('[data-testid=draft-filter]', 'all')
    await page.selectOption('[data-testid=article-sort]', 'title')
    const sorted = await titles()
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)))
    expect(await page.textContent('[data-testid=layout-name]')).toContain('Folio')
    await page.screenshot({ path: 'test-results/article-list-filters.png' })
  }, 60_000)

  it('types into the article whose tab was clicked, without a click in the text', async () => {
    const { page } = app
    const first = 'posts/notes-on-notebooks.md'
    const second = 'posts/welcome-to-field-notes.md'
    for (const path of [first, second]) {
      await page.click(item(path))
      await page.waitForSelector(
        `[data-testid=editor-tab][aria-selected=true][data-path="${path}"]`,
      )
    }
    await page.click(`[data-testid=editor-tab][data-path="${first}"]`)
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Typed after the tab click.')
    expect(await editorText(page)).toContain('Typed after the tab click.')
    await page.keyboard.press('Control+z')
    expect(await editorText(page)).not.toContain('Typed after the tab click.')
  }, 60_000)

  it('offers a copy, never an overwrite, when the file changed into something that is not text', async () => {
    const { page } = app
    const path = 'posts/notes-on-notebooks.md'
    await typeAtEnd(page, path, '\nMy words to keep.')
    const theirs = Buffer.from('---\ntitle: Notes\n---\n\nCaf\xe9 in Windows-1252.\n', 'latin1')
    await writeFile(join(app.workspace, path), theirs)
    await page.keyboard.press('Control+s')
    const dialog = page.locator('[data-testid=conflict-dialog]')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('cannot show as text')
    expect(await page.textContent('[data-testid=conflict-theirs]')).toContain('not valid UTF-8')
    expect(await page.locator('[data-testid=conflict-keep-mine]').count()).toBe(0)
    const copyPath = await keepBoth(page)
    expect(await readFile(join(app.workspace, copyPath), 'utf8')).toContain('My words to keep.')
    expect(await readFile(join(app.workspace, path))).toEqual(theirs)
  }, 60_000)

  it('keeps both versions after a conflict: a copy with mine, the file with theirs', async () => {
    const { page } = app
    const path = 'posts/welcome-to-field-notes.md'
    await typeAtEnd(page, path, '\nMy closing line.')
    const theirs = '---\ntitle: Welcome to Field Notes\n---\n\nRewritten elsewhere.\n'
    await writeFile(join(app.workspace, path), theirs)
    await page.keyboard.press('Control+s')
    await page.waitForSelector('[data-testid=conflict-dialog]')
    await page.screenshot({ path: 'test-results/conflict-keep-both.png' })
    const copyPath = await keepBoth(page)
    expect(copyPath).not.toBe(path)
    expect(await readFile(join(app.workspace, copyPath), 'utf8')).toContain('My closing line.')
    expect(await readFile(join(app.workspace, path), 'utf8')).toBe(theirs)
    const text = await editorText(page)
    expect(text).toContain('Rewritten elsewhere.')
    expect(text).not.toContain('My closing line.')
  }, 60_000)
})
