import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../src/main/appUrl'
import { secureWebPreferences } from '../../../src/main/webPreferences'

describe('the desktop window', () => {
  it('keeps context isolation and the sandbox on, and Node out of the page', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    })
  })

  it('accepts API calls and navigation only from its own page', () => {
    const app = 'file:///opt/Folio/resources/app.asar/out/renderer/index.html'
    expect(isAppUrl(app, app)).toBe(true)
    expect(isAppUrl(`${app}?token=1#x`, app)).toBe(true)
    expect(isAppUrl('file:///tmp/evil/index.html', app)).toBe(false)
    expect(isAppUrl('https://example.com/', app)).toBe(false)
    expect(isAppUrl('about:srcdoc', app)).toBe(false)
    expect(isAppUrl('not a url', app)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
  })
})
