/**
 * The main window, with Electron's security checklist applied: context isolation, the renderer
 * sandbox, no Node, web security on, navigation and new windows blocked (links go to the system
 * browser only after a scheme check), and a strict CSP on every response.
 */
import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { rendererCsp } from '../server/staticFiles'
import { isAppUrl } from './appUrl'
import { externalUrl } from './externalLinks'
import { secureWebPreferences } from './webPreferences'

export function rendererUrl(): string {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  return devUrl ?? 'file://' + join(__dirname, '../renderer/index.html')
}

export function applyContentSecurityPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const csp = rendererCsp.replace(
      "img-src 'self' data: blob:",
      "img-src 'self' data: blob: folio-asset:",
    )
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  // The renderer never needs camera, microphone, geolocation or notifications.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Folio',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    const safe = externalUrl(url)
    if (safe) void shell.openExternal(safe)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl())) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  void win.loadURL(rendererUrl())
  return win
}
