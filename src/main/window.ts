/**
 * The main window, with Electron's security checklist applied: context isolation, the renderer
 * sandbox, no Node, web security on, navigation and new windows blocked (links go to the system
 * browser only after a scheme check), and a strict CSP on every response.
 */
import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { rendererCsp } from '../server/staticFiles'
import { externalUrl } from './externalLinks'

export function rendererUrl(): string {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  return devUrl ?? 'file://' + join(__dirname, '../renderer/index.html')
}

/** True when a frame URL is the app's own renderer page (file or dev server), nothing else. */
export function isAppUrl(url: string): boolean {
  const base = new URL(rendererUrl())
  try {
    const candidate = new URL(url)
    return (
      candidate.protocol === base.protocol &&
      candidate.host === base.host &&
      candidate.pathname === base.pathname
    )
  } catch (err) {
    if (err instanceof TypeError) return false
    throw err
  }
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
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    const safe = externalUrl(url)
    if (safe) void shell.openExternal(safe)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  void win.loadURL(rendererUrl())
  return win
}
