/**
 * Electron main: a thin adapter. It owns the window, the menu, the keychain and the asset
 * protocol; every FolioApi request arrives on one IPC channel, is checked to come from the app's
 * own main frame, and is handed to the service, which validates the arguments and calls the core.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron'
import { join } from 'node:path'
import { envSecretSource } from '../core/publish'
import { createFolioService, type FolioService } from '../core/service'
import { ensureSampleWorkspace, readAppSettings, writeAppSettings } from '../core/service/firstRun'
import { setRenderWorkerUrl, setResourcesDir, useBatchJit } from '../core/site'
import { pathToFileURL } from 'node:url'
import { handleAssetProtocol, registerAssetScheme } from './assetProtocol'
import { buildMenu } from './menu'
import { keychainSecrets } from './secrets'
import { isAppUrl } from './appUrl'
import { applyContentSecurityPolicy, createMainWindow, rendererUrl } from './window'

registerAssetScheme()
app.enableSandbox()
// Site builds run in this process and its worker threads, with the `folio` command's V8 setting.
useBatchJit()

const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(__dirname, '../../resources')
const settingsFile = () => join(app.getPath('userData'), 'settings.json')

let mainWindow: BrowserWindow | null = null

/** Only the main frame of the app's own window, showing the app's own page, may call the API. */
function fromOwnWindow(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  const main = mainWindow?.webContents.mainFrame
  if (!mainWindow || !frame || !main || event.sender !== mainWindow.webContents) return false
  const sameFrame = frame.processId === main.processId && frame.routingId === main.routingId
  return sameFrame && isAppUrl(frame.url, rendererUrl())
}

async function chooseFolder(): Promise<string | null> {
  const options = {
    title: 'Open a blog folder',
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
  }
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

async function startWorkspace(service: FolioService): Promise<void> {
  const settings = await readAppSettings(settingsFile())
  if (settings.lastWorkspace && (await service.open(settings.lastWorkspace)).ok) return
  const sample = await ensureSampleWorkspace(app.getPath('documents'), join(resourcesDir, 'sample'))
  const opened = await service.open(sample)
  if (!opened.ok) dialog.showErrorBox('Folio could not open the sample blog', opened.error.message)
}

async function main(): Promise<void> {
  await app.whenReady()
  setResourcesDir(resourcesDir)
  // Worker threads cannot start from inside app.asar: the bundle's worker files are unpacked.
  const mainDir = __dirname.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1')
  setRenderWorkerUrl({
    worker: pathToFileURL(join(mainDir, 'renderWorker.mjs')),
    module: pathToFileURL(join(mainDir, 'renderBody.js')),
  })
  applyContentSecurityPolicy()
  const secrets = keychainSecrets(
    join(app.getPath('userData'), 'secrets.json'),
    envSecretSource(process.env),
  )
  const service = createFolioService({
    mode: 'desktop',
    version: app.getVersion(),
    assetBase: 'folio-asset://workspace/',
    chooseFolder,
    secrets: secrets.source,
    storeSecret: secrets.store,
    moveToOsTrash: (path) => shell.trashItem(path),
    setSpellCheckLanguages: (languages) => {
      const available = session.defaultSession.availableSpellCheckerLanguages
      // macOS uses the system checker, which picks the language itself.
      if (process.platform === 'darwin') return []
      const usable = languages.filter((language) => available.includes(language))
      session.defaultSession.setSpellCheckerLanguages(usable.length ? usable : [app.getLocale()])
      return languages.filter((language) => !available.includes(language))
    },
    onWorkspaceOpened: (root) => writeAppSettings(settingsFile(), { lastWorkspace: root }),
  })
  handleAssetProtocol(service)

  ipcMain.handle('folio:call', async (event, method: unknown, input: unknown) => {
    if (!fromOwnWindow(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Request from an unknown frame refused.' },
      }
    }
    if (typeof method !== 'string') {
      return {
        ok: false,
        error: { code: 'invalid-argument', message: 'Request name must be a string.' },
      }
    }
    return service.call(method, input)
  })
  service.subscribe((name, payload) => mainWindow?.webContents.send('folio:event', name, payload))

  await startWorkspace(service)
  Menu.setApplicationMenu(
    buildMenu({
      openFolder: async () => {
        // NOTE: with a window, its page opens the folder: it must save its tabs while the
        // workspace they belong to is still the open one.
        if (mainWindow) {
          mainWindow.webContents.send('folio:event', 'openFolderRequested', {})
          return
        }
        const path = await chooseFolder()
        if (!path) return
        const opened = await service.open(path)
        if (!opened.ok)
          dialog.showErrorBox('Folio could not open this folder', opened.error.message)
      },
    }),
  )
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = null))

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => void service.dispose())
}

main().catch((err) => {
  dialog.showErrorBox('Folio could not start', err instanceof Error ? err.message : String(err))
  app.exit(1)
})
