/**
 * E2E harness: a copy of the sample blog in a temp folder, the real web server on 127.0.0.1
 * serving the built renderer, and Chromium through playwright-core.
 */
import { cp, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromium } from '../support/chromium'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startWebServer } from '../../src/server/index'
import type { WebServer } from '../../src/server/index'

const repo = resolve(import.meta.dirname, '../..')

/** Where the built renderer is: FOLIO_RENDERER_DIR, else electron-vite's out/renderer. */
export const rendererDir = process.env.FOLIO_RENDERER_DIR ?? join(repo, 'out', 'renderer')

export interface RunningApp {
  dir: string
  workspace: string
  server: WebServer
  browser: Browser
  page: Page
  /** Dialogs (alert/confirm/prompt) the page opened; an XSS payload would add one. */
  dialogs: string[]
  close(): Promise<void>
}

/** Starts the app on a fresh copy of resources/sample and opens it in Chromium. */
export async function startApp(): Promise<RunningApp> {
  await stat(join(rendererDir, 'index.html')).catch(() => {
    throw new Error(`The renderer is not built in ${rendererDir}: run "npm run build" first.`)
  })
  const dir = await mkdtemp(join(tmpdir(), 'folio-e2e-'))
  const workspace = join(dir, 'blog')
  await cp(join(repo, 'resources', 'sample'), workspace, { recursive: true })
  const server = await startWebServer({ workspace, rendererDir })
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(server.url)
  await page.waitForSelector('[data-testid=article-item]')
  return {
    dir,
    workspace,
    server,
    browser,
    page,
    dialogs,
    async close() {
      await browser.close()
      await server.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Starts the app once before the calling file's tests (then runs `prepare` on it, e.g. to add
 * articles) and closes it after them. Call at the file's top level; the returned app's fields are
 * filled in when `beforeAll` has run, so read them inside tests only.
 */
export function useApp(
  prepare?: (app: RunningApp) => Promise<void>,
  timeoutMs = 60_000,
): RunningApp {
  const app = {} as RunningApp
  beforeAll(async () => {
    Object.assign(app, await startApp())
    await prepare?.(app)
  }, timeoutMs)
  afterAll(async () => {
    await app.close?.()
  })
  return app
}

/** Creates an article through the New article dialog and waits until it is open in the editor. */
export async function createArticle(page: Page, title: string): Promise<void> {
  await page.click('[data-testid=new-article-button]')
  await page.fill('[data-testid=new-article-title]', title)
  await page.click('[data-testid=new-article-create]')
  await page.waitForSelector(`[data-testid=editor-tab] >> text=${title}`)
  await page.waitForSelector('[data-testid=editor] .cm-content')
}

/** Moves the cursor to the end of the article text. */
export async function cursorToEnd(page: Page): Promise<void> {
  await page.click('[data-testid=editor] .cm-content')
  await page.keyboard.press('Control+End')
}
