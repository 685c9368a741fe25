/**
 * The narrow door: `window.folio` exposes exactly FolioApi's named methods and `on` for its named
 * events. No ipcRenderer, no raw event objects, no generic channel reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { FolioBridge, FolioEventName } from '../core/api'
import { apiMethodNames, eventNames } from '../core/apiNames'

const bridge: Record<string, unknown> = {}
for (const method of apiMethodNames) {
  bridge[method] = (input: unknown) => ipcRenderer.invoke('folio:call', method, input ?? {})
}
bridge.on = (event: FolioEventName, listener: (payload: unknown) => void) => {
  if (!(eventNames as readonly string[]).includes(event))
    throw new Error(`Unknown event "${String(event)}".`)
  const wrapped = (_event: unknown, name: unknown, payload: unknown) => {
    if (name === event) listener(payload)
  }
  ipcRenderer.on('folio:event', wrapped)
  return () => {
    ipcRenderer.removeListener('folio:event', wrapped)
  }
}

contextBridge.exposeInMainWorld('folio', bridge as FolioBridge)
