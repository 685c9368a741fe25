/**
 * Browser section: Folio's web mode in Chromium (playwright-core). Page load to an editable editor,
 * and, while a sentence is typed into the middle of a 2,000- and a 50,000-word article, keystroke →
 * editor paint and keystroke → updated preview, measured inside the page (bench/browser/probe.js).
 */
import { access, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { chromiumPath as defaultChromiumPath, launchChromium } from '../../tests/support/chromium'
import type { BenchContext, BenchSection } from '../benchContext'
import { generateArticle, paragraphOffsetNear, writeFiles } from '../generate'
import { ensureRendererBuilt, rendererDir } from '../rendererBuild'
import { percentiles, summarize } from '../stats'

const chromiumPath = process.env.FOLIO_BENCH_CHROMIUM ?? defaultChromiumPath
const probePath = fileURLToPath(new URL('../browser/probe.js', import.meta.url))
/** What is typed: plain words, so the preview shows exactly these characters. */
const sentence = 'Quokkas quietly type benchmark words '
/** Milliseconds between keystrokes at the earliest: a brisk typist (about 100 words a minute). */
const keyIntervalMs = 120
/** How long one keystroke may take to reach the preview before it counts as this long. */
const keyTimeoutMs = 3000
/**
 * Chromium switches that start a frame as soon as there is something to draw instead of at the
 * display's next refresh: the latency figures are then Folio's and the browser's work, not a
 * wait of up to one refresh (16.7 ms at 60 Hz) that no page can shorten. The same typing is also
 * measured at 60 Hz and reported beside them.
 */
const unthrottledFrames = ['--disable-frame-rate-limit', '--disable-gpu-vsync']
/**
 * The desktop app's page is a file:// URL, where Chromium's navigation predictor does not run (it
 * only serves http(s) pages). The web mode's page is http://127.0.0.1, where it would: it watches
 * every link the preview patch inserts with a throttled intersection observer, which adds a frame
 * about 100 ms after each keystroke; with unthrottled frames, a frame just before the next key
 * holds that key's frame back by up to one frame interval. Turned off so that the figures are the
 * desktop app's.
 */
const asInTheDesktopApp = ['--disable-features=NavigationPredictor']
/** Keystrokes at the start of each article that warm up and are left out of the figures. */
const warmupKeys = 3

/** Latencies of one typed key, in ms; null when it was never seen. */
interface KeyLatency {
  paint: number | null
  afterPaint: number | null
  preview: number | null
}

/** What bench/browser/probe.js puts on the page's window. */
interface ProbeWindow {
  __folioBench: {
    marks: { articleList: number | null; click: number | null; editable: number | null }
    placeCursor(offset: number): number
    startTyping(sentence: string, following: string): void
    waitForKey(index: number, timeoutMs: number, withPreview: boolean): Promise<KeyLatency | null>
    stopTyping(): KeyLatency[]
  }
}

const articles = [
  { name: 'words2000', file: 'posts/words-2000.md', seed: 2000, words: 2000 },
  { name: 'words50000', file: 'posts/words-50000.md', seed: 50000, words: 50000 },
] as const

/** A spot at the start of a plain lowercase word in the middle of `text`, and that word. */
export function typingSpot(text: string): { offset: number; following: string } {
  for (let at = paragraphOffsetNear(text, 0.5); at < text.length; at = text.indexOf(' ', at + 1)) {
    const match = /^ ([a-z]{4,}) /.exec(text.slice(at, at + 40))
    if (match) return { offset: at + 1, following: match[1] }
    if (at === -1) break
  }
  throw new Error('No plain word to type before in the middle of the article.')
}

/**
 * What one article gets typed into it: the sentence once with --quick, four times otherwise, so
 * that a p95 rests on about 145 keystrokes (the 7th slowest) rather than on a handful of them.
 */
function typedText(ctx: BenchContext): string {
  return sentence.repeat(ctx.quick ? 1 : 4)
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript({ path: probePath })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

/** Clicks the article in the list and waits for its editor; resolves the page-load milestones. */
async function openArticle(page: Page, file: string) {
  const item = page.locator(`[data-testid="article-item"][data-path="${file}"]`)
  await item.waitFor({ timeout: 30_000 })
  await item.click()
  await page.waitForFunction(
    () => (window as unknown as ProbeWindow).__folioBench.marks.editable !== null,
    null,
    { timeout: 60_000 },
  )
  const marks = await page.evaluate(() => (window as unknown as ProbeWindow).__folioBench.marks)
  return {
    articleList: marks.articleList ?? 0,
    click: marks.click ?? 0,
    editable: marks.editable ?? 0,
  }
}

async function measureLoad(ctx: BenchContext, browser: Browser, url: string) {
  const list: number[] = []
  const toEditable: number[] = []
  const runs = ctx.quick ? 3 : 5
  for (let i = 0; i < runs + 1; i++) {
    const page = await openPage(browser, url)
    const marks = await openArticle(page, articles[0].file)
    if (i > 0) {
      list.push(marks.articleList)
      toEditable.push(marks.editable - marks.click)
    }
    await page.context().close()
  }
  const total = list.map((ms, i) => ms + toEditable[i])
  return {
    loadToArticleListMs: summarize(list),
    clickArticleToEditableMs: summarize(toEditable),
    loadToEditableEditorMs: summarize(total),
    note: 'loadToEditableEditorMs = navigation start → article list, plus click → editable editor (the wait for a click is left out)',
  }
}

async function measureTyping(
  ctx: BenchContext,
  browser: Browser,
  url: string,
  file: string,
  text: string,
) {
  const page = await openPage(browser, url)
  try {
    const marks = await openArticle(page, file)
    const spot = typingSpot(text)
    const context = text.slice(spot.offset, spot.offset + 60).split('\n')[0]
    // The first preview of the article, before the cursor moves; or the problem the pane shows.
    const snippet = context.replace(/[*`[\]()]/g, '').slice(0, 20)
    const preview = await page.waitForFunction(
      (snippet) => {
        const problem = document.querySelector('[data-testid="preview-problem"]')
        if (problem) return { problem: problem.textContent ?? 'unknown problem' }
        const frame = document.querySelector(
          '[data-testid="preview-frame"]',
        ) as HTMLIFrameElement | null
        return frame?.contentDocument?.body?.textContent?.includes(snippet)
          ? { problem: null }
          : false
      },
      snippet,
      { timeout: 60_000, polling: 100 },
    )
    const previewProblem = ((await preview.jsonValue()) as { problem: string | null }).problem
    await page.evaluate(
      (offset) => (window as unknown as ProbeWindow).__folioBench.placeCursor(offset),
      spot.offset,
    )
    await sleep(500)
    const typed = typedText(ctx)
    await page.evaluate(
      ([s, f]) => (window as unknown as ProbeWindow).__folioBench.startTyping(s, f),
      [typed, spot.following],
    )
    for (let i = 0; i < typed.length; i++) {
      const started = Date.now()
      await page.keyboard.type(typed[i])
      await page.evaluate(
        ([index, timeout, withPreview]) =>
          (window as unknown as ProbeWindow).__folioBench.waitForKey(index, timeout, withPreview),
        [i, keyTimeoutMs, previewProblem === null] as const,
      )
      const left = keyIntervalMs - (Date.now() - started)
      if (left > 0) await sleep(left)
    }
    const keys = await page.evaluate(() =>
      (window as unknown as ProbeWindow).__folioBench.stopTyping(),
    )
    const measured = keys.slice(warmupKeys)
    if (measured.length === 0)
      throw new Error(`No keystrokes were seen by the page while typing into ${file}.`)
    return {
      openArticleToEditableMs: Math.round(marks.editable - marks.click),
      keystrokeToPaintMs: percentiles(measured.map((k) => k.paint ?? keyTimeoutMs)),
      keystrokeToAfterPaintMs: percentiles(measured.map((k) => k.afterPaint ?? keyTimeoutMs)),
      keystrokeToPreviewMs:
        previewProblem === null
          ? percentiles(measured.map((k) => k.preview ?? keyTimeoutMs))
          : { error: `the preview pane shows: ${previewProblem}` },
      keystrokesWithoutPaint: measured.filter((k) => k.paint === null).length,
      keystrokesWithoutPreview: measured.filter((k) => k.preview === null).length,
    }
  } finally {
    await page.context().close()
  }
}

/** The browser section. */
export const browserSection: BenchSection = {
  name: 'browser',
  description:
    'web mode in Chromium: load to editable editor; keystroke → paint and → preview at 2,000 and 50,000 words',
  async run(ctx) {
    try {
      await access(chromiumPath)
    } catch (err) {
      throw new Error(
        `Chromium was not found at ${chromiumPath} (${(err as Error).message}); set FOLIO_BENCH_CHROMIUM.`,
      )
    }
    const renderer = await ensureRendererBuilt(ctx.log)
    const root = path.join(ctx.tmpRoot, 'browser-workspace')
    await mkdir(root)
    const texts = articles.map((a) => generateArticle(a.seed, { words: a.words }).markdown)
    await writeFiles(root, [
      ['folio.yaml', 'title: Browser Bench\nbaseUrl: https://blog.example.com/\n'],
      ...articles.map((a, i): [string, string] => [a.file, texts[i]]),
    ])
    const { startWebServer } = await import('../../src/server')
    const server = await startWebServer({ workspace: root, rendererDir })
    const browser = await launchChromium(chromiumPath, asInTheDesktopApp)
    const unthrottled = await launchChromium(chromiumPath, [
      ...asInTheDesktopApp,
      ...unthrottledFrames,
    ])
    try {
      ctx.chromium = browser.version()
      ctx.log('browser: page load to editable editor')
      const results: Record<string, unknown> = {
        chromium: ctx.chromium,
        renderer,
        keyIntervalMs,
        measuredKeysPerArticle: typedText(ctx).length - warmupKeys,
      }
      results.load = await measureLoad(ctx, browser, server.url)
      for (const [i, article] of articles.entries()) {
        ctx.log(`browser: typing into the ${article.words}-word article`)
        const measured = await measureTyping(ctx, unthrottled, server.url, article.file, texts[i])
        ctx.log(`browser: typing into the ${article.words}-word article at 60 Hz`)
        const at60Hz = await measureTyping(ctx, browser, server.url, article.file, texts[i])
        results[article.name] = {
          ...measured,
          at60Hz: {
            keystrokeToPaintMs: at60Hz.keystrokeToPaintMs,
            keystrokeToPreviewMs: at60Hz.keystrokeToPreviewMs,
          },
        }
      }
      results.method =
        'Chromium without its navigation predictor, which the desktop app (a file:// page) does not run; ' +
        'frames: Chromium with its frame-rate limit and vsync off (--disable-frame-rate-limit --disable-gpu-vsync), so that a frame starts as soon as there is something to draw and the figures are the time Folio and the browser take, not the wait for the display; ' +
        'at60Hz: the same typing with frames at the display rate of 60 Hz, where each figure also holds the 0–16.7 ms wait for the next refresh; ' +
        'paint: keydown event.timeStamp → the first animation frame whose editor state holds the key; afterPaint: → a message posted from that frame (runs after it is painted); ' +
        'preview: keydown → a MutationObserver in the preview iframe sees a node with the typed text; a key never seen counts as ' +
        `${keyTimeoutMs} ms; the first ${warmupKeys} keys are a warm-up`
      return results
    } finally {
      await unthrottled.close()
      await browser.close()
      await server.close()
    }
  },
}
