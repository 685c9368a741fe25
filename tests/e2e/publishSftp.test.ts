/**
 * Issue 6 end to end: the sample blog published from the publish panel in Chromium (web mode) to a
 * real OpenSSH server, through a proxy that slows the upload so progress, speed and Cancel can be
 * watched. The private key reaches the server as a FOLIO_WEB_PRIVATE_KEY secret, never in a file.
 */
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { envSecretSource } from '../../src/core/publish'
import { startWebServer, type WebServer } from '../../src/server/index'
import { startDropProxy, type DropProxy } from '../integration/servers/dropProxy'
import { startSshServer, type SshServer } from '../integration/servers/sshServer'
import { rendererDir } from './appHarness'

const repo = resolve(import.meta.dirname, '../..')

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
}

let sshd: SshServer
let proxy: DropProxy
let dir: string
let workspace: string
let remote: string
let web: WebServer
let browser: Browser
let page: Page
const typedPassword = 'correct horse battery staple'
/** Files the first dry run would upload; the resumed publish must need fewer. */
let firstPlanNew = 0

const card = '[data-testid=publish-target][data-target=web]'

beforeAll(async () => {
  await stat(join(rendererDir, 'index.html')).catch(() => {
    throw new Error(`The renderer is not built in ${rendererDir}: run "npm run build" first.`)
  })
  sshd = await startSshServer()
  proxy = await startDropProxy(sshd.port)
  dir = await mkdtemp(join(tmpdir(), 'folio-e2e-sftp-'))
  workspace = join(dir, 'blog')
  remote = join(sshd.dataDir, 'www', 'blog')
  await cp(join(repo, 'resources', 'sample'), workspace, { recursive: true })
  await mkdir(join(sshd.dataDir, 'blocked', 'index.html'), { recursive: true })
  // No hostKey pin: the first connection must ask the author to trust the server's key.
  await appendFile(
    join(workspace, 'folio.yaml'),
    [
      '  - name: web',
      '    type: sftp',
      '    host: 127.0.0.1',
      `    port: ${proxy.port}`,
      `    user: ${sshd.user}`,
      `    path: ${remote}`,
      // A pin that does not match: the server must be refused without offering to trust it.
      '  - name: pinned',
      '    type: sftp',
      '    host: 127.0.0.1',
      `    port: ${proxy.port}`,
      `    user: ${sshd.user}`,
      `    path: ${join(sshd.dataDir, 'pinned')}`,
      '    hostKey: SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      // The same server on its own port: a host:port Folio has not seen yet.
      '  - name: direct',
      '    type: sftp',
      '    host: 127.0.0.1',
      `    port: ${sshd.port}`,
      `    user: ${sshd.user}`,
      `    path: ${join(sshd.dataDir, 'direct')}`,
      // A folder squats where the home page must go, so that one upload fails.
      '  - name: blocked',
      '    type: sftp',
      '    host: 127.0.0.1',
      `    port: ${proxy.port}`,
      `    user: ${sshd.user}`,
      `    path: ${join(sshd.dataDir, 'blocked')}`,
      `    hostKey: ${sshd.hostKeyFingerprint}`,
      '',
    ].join('\n'),
  )
  web = await startWebServer({
    workspace,
    rendererDir,
    secrets: envSecretSource({
      FOLIO_WEB_PRIVATE_KEY: await readFile(sshd.keyPath, 'utf8'),
      FOLIO_PINNED_PRIVATE_KEY: await readFile(sshd.keyPath, 'utf8'),
      FOLIO_BLOCKED_PRIVATE_KEY: await readFile(sshd.keyPath, 'utf8'),
      FOLIO_DIRECT_PRIVATE_KEY: await readFile(sshd.keyPath, 'utf8'),
    }),
  })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(web.url)
  await page.waitForSelector('[data-testid=article-item]')
  await page.click('[data-testid=publish-panel-button]')
  await page.waitForSelector(card)
}, 60_000)

afterEach(async (context) => {
  proxy?.setRate(null)
  if (context.task.result?.state !== 'fail' || !page) return
  // What the author would have seen when it failed, for the test report.
  const cards = await page.locator('[data-testid=publish-target]').allInnerTexts()
  console.error(`Publish panel at the failure:\n${cards.join('\n---\n')}`)
})

afterAll(async () => {
  await browser?.close()
  await web?.close()
  await proxy?.close()
  await sshd?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Records every percentage the web card's progress bar shows, and whether a speed appeared. */
async function watchProgress(): Promise<void> {
  await page.evaluate((selector) => {
    const seen = { percents: [] as number[], rate: false, currentFile: false }
    ;(window as unknown as { progressSeen: typeof seen }).progressSeen = seen
    const look = () => {
      const bar = document.querySelector(`${selector} [data-testid=publish-progress]`)
      const percent = bar ? Number(bar.getAttribute('data-percent')) : null
      if (percent !== null && seen.percents.at(-1) !== percent) seen.percents.push(percent)
      if (document.querySelector(`${selector} [data-testid=publish-rate]`)) seen.rate = true
      if (document.querySelector(`${selector} [data-testid=publish-current-file]`))
        seen.currentFile = true
    }
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    })
    look()
  }, card)
}

async function progressSeen(): Promise<{
  percents: number[]
  rate: boolean
  currentFile: boolean
}> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          progressSeen: { percents: number[]; rate: boolean; currentFile: boolean }
        }
      ).progressSeen,
  )
}

async function planNewCount(): Promise<number> {
  await page.waitForSelector(`${card} [data-testid=publish-plan]`, { timeout: 30_000 })
  const text = (await page.textContent(`${card} [data-testid=publish-plan]`)) ?? ''
  const match = text.match(/(\d+) new/)
  expect(match, text).not.toBeNull()
  return Number(match?.[1])
}

describe('publishing the sample blog to SFTP from the publish panel', () => {
  it('takes a secret in web mode only as an environment variable, and never echoes it', async () => {
    await page.click(`${card} [data-testid=publish-secrets] summary`)
    const keys = await page
      .locator(`${card} [data-testid=secret-field]`)
      .evaluateAll((fields) => fields.map((field) => field.getAttribute('data-key')))
    expect(keys).toEqual(['password', 'privateKey', 'passphrase'])
    const password = page.locator(`${card} [data-testid=secret-field][data-key=password]`)
    expect(await password.locator('input').getAttribute('type')).toBe('password')
    await password.locator('[data-testid=secret-input]').fill(typedPassword)
    await password.locator('[data-testid=secret-save]').click()
    const status = password.locator('[data-testid=secret-status]')
    await status.waitFor()
    expect(await status.textContent()).toContain('FOLIO_WEB_PASSWORD')
    expect(await password.locator('[data-testid=secret-input]').inputValue()).toBe('')
    expect(await page.content()).not.toContain(typedPassword)
    await page.click(`${card} [data-testid=publish-secrets] summary`)
  })

  it('asks to trust the unknown host key, then cancels a slow publish midway', async () => {
    await mkdir(join(repo, 'test-results'), { recursive: true })
    await page.click(`${card} [data-testid=publish-button]`)
    const prompt = page.locator(`${card} [data-testid=host-key-prompt]`)
    await prompt.waitFor({ timeout: 30_000 })
    expect(await prompt.locator('[data-testid=host-key-fingerprint]').textContent()).toBe(
      sshd.hostKeyFingerprint,
    )
    // Nothing reached the server, and nothing is remembered before the author answers.
    await expect(stat(join(workspace, '.folio', 'known_hosts'))).rejects.toThrow()
    await page.screenshot({ path: join(repo, 'test-results', 'publish-sftp-host-key.png') })
    await page.click(`${card} [data-testid=host-key-trust]`)
    const total = await planNewCount()
    expect(total).toBeGreaterThan(10)
    firstPlanNew = total
    await page.screenshot({ path: join(repo, 'test-results', 'publish-sftp-plan.png') })
    expect(await readFile(join(workspace, '.folio', 'known_hosts'), 'utf8')).toContain(
      sshd.hostKeyFingerprint,
    )

    proxy.setRate(24 * 1024)
    await page.click(`${card} [data-testid=publish-confirm]`)
    await page.waitForFunction(
      (selector) => {
        const bar = document.querySelector(`${selector} [data-testid=publish-progress]`)
        return Number(bar?.getAttribute('data-percent')) > 0
      },
      card,
      { timeout: 30_000 },
    )
    expect(await page.textContent(`${card} [data-testid=publish-files-done]`)).toMatch(
      new RegExp(`^\\d+ of ${total} files$`),
    )
    const rate = page.locator(`${card} [data-testid=publish-rate]`)
    await rate.waitFor({ timeout: 30_000 })
    expect(await rate.textContent()).toMatch(/^[\d.]+ (B|KB)\/s · about .+ left$/)
    expect(await page.textContent(`${card} [data-testid=publish-current-file]`)).toMatch(/\S/)
    await page.screenshot({ path: join(repo, 'test-results', 'publish-sftp-progress.png') })
    await page.click(`${card} [data-testid=publish-cancel]`)
    proxy.setRate(null)
    const error = page.locator(`${card} [data-testid=publish-error]`)
    await error.waitFor({ timeout: 30_000 })
    expect(await error.getAttribute('data-code')).toBe('cancelled')
    await page.screenshot({ path: join(repo, 'test-results', 'publish-sftp-cancelled.png') })
    const onServer = await filesUnder(remote)
    expect(onServer.length).toBeGreaterThan(0)
    expect(onServer.length).toBeLessThan(total)
  }, 90_000)

  it('resumes, shows progress to 100 % with speed, and the article is on the server', async () => {
    await page.click(`${card} [data-testid=publish-button]`)
    const remaining = await planNewCount()
    // Files sent before the cancel are not sent again.
    expect(remaining).toBeGreaterThan(0)
    expect(remaining).toBeLessThan(firstPlanNew)

    await watchProgress()
    proxy.setRate(160 * 1024)
    await page.click(`${card} [data-testid=publish-confirm]`)
    // Closing the drawer mid-publish must not lose the publish: reopened, it still shows it.
    await page.waitForSelector(`${card} [data-testid=publish-progress-block]`)
    await page.click('[data-testid=publish-panel] button[aria-label=Close]')
    await page.waitForSelector('[data-testid=publish-panel]', { state: 'hidden' })
    await page.click('[data-testid=publish-panel-button]')
    const result = page.locator(`${card} [data-testid=publish-result]`)
    await result.waitFor({ timeout: 60_000 })
    proxy.setRate(null)

    expect(await result.textContent()).toContain(`Published ${remaining} new`)
    expect(await result.locator('[data-testid=publish-location]').textContent()).toBe(
      `sftp://${sshd.user}@127.0.0.1:${proxy.port}${remote}`,
    )
    const bar = page.locator(`${card} [data-testid=publish-progress]`)
    expect(await bar.getAttribute('data-percent')).toBe('100')
    const seen = await progressSeen()
    expect(seen.percents.at(-1)).toBe(100)
    expect(seen.percents.some((p) => p > 0 && p < 100)).toBe(true)
    expect(seen.percents).toEqual([...seen.percents].sort((a, b) => a - b))
    expect(seen.rate).toBe(true)
    expect(seen.currentFile).toBe(true)

    // Every built file but the build's own marker, which is not part of the site.
    const built = (await filesUnder(join(workspace, '.folio', 'build')))
      .filter((file) => file !== '.folio-site')
      .sort()
    expect((await filesUnder(remote)).sort()).toEqual(built)
    const article = built.find(
      (path) => path.includes('measuring-a-walk') && path.endsWith('.html'),
    )
    expect(article).toBeDefined()
    expect(await readFile(join(remote, String(article)), 'utf8')).toContain('Measuring a Walk')
    expect(await readFile(join(remote, 'index.html'), 'utf8')).toContain('Field Notes')

    await mkdir(join(repo, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(repo, 'test-results', 'publish-sftp.png') })
  }, 90_000)

  it('refuses a server whose key does not match the pin, without offering to trust it', async () => {
    const pinned = '[data-testid=publish-target][data-target=pinned]'
    await page.click(`${pinned} [data-testid=publish-button]`)
    const error = page.locator(`${pinned} [data-testid=publish-error]`)
    await error.waitFor({ timeout: 30_000 })
    expect(await error.getAttribute('data-code')).toBe('host-key')
    expect(await error.textContent()).toMatch(/does not match the hostKey pinned/)
    expect(await error.textContent()).toContain(sshd.hostKeyFingerprint)
    expect(await page.locator(`${pinned} [data-testid=host-key-prompt]`).count()).toBe(0)
    await expect(stat(join(sshd.dataDir, 'pinned'))).rejects.toThrow()
  })

  it('asks about an unknown host key from Test connection too, then connects', async () => {
    const direct = '[data-testid=publish-target][data-target=direct]'
    await page.click(`${direct} [data-testid=test-connection]`)
    const prompt = page.locator(`${direct} [data-testid=host-key-prompt]`)
    await prompt.waitFor({ timeout: 30_000 })
    expect(await prompt.locator('[data-testid=host-key-fingerprint]').textContent()).toBe(
      sshd.hostKeyFingerprint,
    )
    await page.click(`${direct} [data-testid=host-key-trust]`)
    const connection = page.locator(`${direct} [data-testid=connection-result]`)
    await connection.waitFor({ timeout: 30_000 })
    expect(await connection.getAttribute('data-state')).toBe('ok')
    expect(await connection.textContent()).toBe('Connected: 0 file(s) online.')
    expect(await readFile(join(workspace, '.folio', 'known_hosts'), 'utf8')).toContain(
      `[127.0.0.1]:${sshd.port} ${sshd.hostKeyFingerprint}`,
    )
  })

  it('names the file a failed upload stopped at', async () => {
    const blocked = '[data-testid=publish-target][data-target=blocked]'
    await page.click(`${blocked} [data-testid=publish-button]`)
    await page.waitForSelector(`${blocked} [data-testid=publish-plan]`, { timeout: 30_000 })
    await page.click(`${blocked} [data-testid=publish-confirm]`)
    const error = page.locator(`${blocked} [data-testid=publish-error]`)
    await error.waitFor({ timeout: 30_000 })
    expect(await error.getAttribute('data-code')).toBe('publish-failed')
    expect(await error.locator('[data-testid=publish-error-file]').textContent()).toBe('index.html')
    expect(await error.textContent()).toContain('"index.html"')
  })

  it('tests the connection and lists both publishes in the history', async () => {
    await page.click(`${card} [data-testid=test-connection]`)
    const connection = page.locator(`${card} [data-testid=connection-result]`)
    await connection.waitFor({ timeout: 30_000 })
    expect(await connection.getAttribute('data-state')).toBe('ok')
    expect(await connection.textContent()).toContain(`${(await filesUnder(remote)).length} file(s)`)

    await page.click('[data-testid=publish-tab-history]')
    const entries = page.locator('[data-testid=history-entry][data-target=web]')
    await entries.first().waitFor()
    expect(
      await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-result'))),
    ).toEqual(['ok', 'cancelled'])
    const failed = page.locator('[data-testid=history-entry][data-target=blocked]')
    expect(await failed.getAttribute('data-result')).toBe('failed')
    expect(await failed.locator('[data-testid=history-error]').textContent()).toContain(
      'index.html',
    )
    expect(await entries.first().textContent()).toMatch(/Published.*web/)
    await page.click('[data-testid=publish-tab-targets]')
    await page.waitForSelector(`${card} [data-testid=publish-result]`)
  })
})
