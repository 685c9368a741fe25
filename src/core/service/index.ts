/**
 * The backend service: the handler table, its validated entry point and its event stream,
 * ready for an adapter (Electron IPC or the web server) to expose.
 */
import type { ApiResult, FolioEventName, FolioEvents } from '../api'
import { callApi } from './callApi'
import { createHandlers, type ServiceHost } from './handlers'
import { resolveInside } from '../workspace'
import { FolioError } from '../errors'

export type EventListener = <E extends FolioEventName>(event: E, payload: FolioEvents[E]) => void

export interface FolioService {
  /** Validates and runs one request; never throws. */
  call(method: string, input: unknown): Promise<ApiResult<unknown>>
  /** Subscribes to every backend event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void
  /**
   * Resolves a workspace-relative path to an absolute one inside the open workspace, for serving
   * images to the preview; rejects anything outside it.
   */
  resolveWorkspaceFile(relPath: string): Promise<string>
  /** Opens a workspace at start-up (the same as the openWorkspace request). */
  open(path: string): Promise<ApiResult<unknown>>
  dispose(): Promise<void>
}

export function createFolioService(host: Omit<ServiceHost, 'emit'>): FolioService {
  const listeners = new Set<EventListener>()
  const { handlers, currentWorkspace, dispose } = createHandlers({
    ...host,
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload)
    },
  })
  return {
    call: (method, input) => callApi(handlers, method, input),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async resolveWorkspaceFile(relPath) {
      const ws = currentWorkspace()
      if (!ws) throw new FolioError('no-workspace', 'No workspace is open.')
      return resolveInside(ws, relPath)
    },
    open: (path) => callApi(handlers, 'openWorkspace', { path }),
    dispose,
  }
}

export { isApiMethod } from './callApi'
export { createHandlers, workspaceInfo, type ServiceHost } from './handlers'
