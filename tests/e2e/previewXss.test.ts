import { describe, expect, it } from 'vitest'
import { createArticle, cursorToEnd, useApp } from './appHarness'

const app = useApp()

/** Known script-injection payloads; each would set `__xss` on the app window or open a dialog. */
const payloads = [
  '<script>window.parent.__xss = 1</script>',
  '<img src="x" onerror="window.parent.__xss = 2; alert(2)">',
  '<svg onload="window.parent.__xss = 3"><circle r="4"/></svg>',
  '<iframe srcdoc="<script>window.top.__xss = 4</script>"></iframe>',
  '<a id="p5" href="javascript:window.parent.__xss = 5">javascript link</a>',
  '[md link](javascript:window.parent.__xss=6)',
  '<a id="p7" href="jav&#x09;ascript:window.parent.__xss=7">tab link</a>',
  '<a id="p8" href="data:text/html,<script>window.top.__xss=8</script>">data link</a>',
  '<form action="javascript:window.parent.__xss=9"><button id="p9">go</button></form>',
  '<details open ontoggle="window.parent.__xss=10">x</details>',
  '<style>@import "javascript:window.parent.__xss=11"</style>',
  '<object data="javascript:window.parent.__xss=12"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.parent.__xss=13">',
]

describe('the preview runs no script', () => {
  it('renders injection payloads without executing any of them', async () => {
    const { page } = app
    await createArticle(page, 'Hostile input')
    await cursorToEnd(page)
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('\nSafe marker paragraph.\n\n' + payloads.join('\n\n') + '\n')
    const frame = page.frameLocator('[data-testid=preview-frame]')
    await frame.locator('p', { hasText: 'Safe marker paragraph.' }).waitFor()
    await page.waitForTimeout(500)

    // Clicking the links and the button must not navigate the frame or run anything.
    for (const text of ['javascript link', 'md link', 'tab link', 'data link']) {
      const link = frame.locator('a', { hasText: text })
      if (await link.count()) await link.first().click()
    }
    const button = frame.locator('button')
    if (await button.count()) await button.first().click()
    await page.waitForTimeout(500)

    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined()
    expect(app.dialogs).toEqual([])
    const frameUrl = await page.$eval(
      '[data-testid=preview-frame]',
      (el) => (el as HTMLIFrameElement).contentWindow?.location.href,
    )
    expect(frameUrl).toBe('about:srcdoc')
    // The theme's own JSON-LD block is data, not script; nothing else of these may exist.
    expect(
      await frame
        .locator('script:not([type="application/ld+json"]), iframe, object, embed, form')
        .count(),
    ).toBe(0)
  }, 90_000)
})
