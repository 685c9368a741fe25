/**
 * The one table of FolioApi handlers. Electron IPC (src/main) and the web mode (src/server) are both
 * generated from it, so the desktop app and the web page cannot drift apart. Each handler receives
 * arguments already validated against `apiInputs` and returns plain data.
 */
import type { WorkspaceInfo } from '../api'
import { FolioError } from '../errors'
import { describeTarget } from '../publish'
import { loadTheme } from '../site'
import { openWorkspace, watchWorkspace, type Workspace } from '../workspace'
import { articleHandlers } from './articleHandlers'
import { noWorkspace, type Handlers, type ServiceHost } from './context'
import { publishHandlers } from './publishHandlers'

export type { EventSink, Handlers, ServiceHost } from './context'
export { publishBuildDir } from './publishHandlers'

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const info: WorkspaceInfo = {
    root: ws.root,
    layout: ws.layout,
    contentDir: ws.contentDir,
    draftDirs: ws.draftDirs,
    site: {
      title: ws.config.title,
      baseUrl: ws.config.baseUrl,
      language: ws.config.language,
      author: ws.config.author,
      description: ws.config.description,
    },
    targets: ws.config.publish.map((target) => describeTarget(ws, target)),
  }
  if (ws.configError) info.configError = ws.configError.toJSON()
  return info
}

export interface HandlerTable {
  handlers: Handlers
  /** The open workspace, for adapters that serve its files (asset protocol, web mode). */
  currentWorkspace(): Workspace | null
  dispose(): Promise<void>
}

/**
 * Creates the handler table over one "current workspace" slot. Opening a workspace replaces the
 * watcher; `dispose` stops it.
 */
export function createHandlers(host: ServiceHost): HandlerTable {
  let current: Workspace | null = null
  let watcher: { close(): Promise<void> } | null = null
  const context = { host, workspace: () => current ?? noWorkspace() }

  async function open(path: string): Promise<WorkspaceInfo> {
    const ws = await openWorkspace(path)
    await watcher?.close()
    current = ws
    watcher = watchWorkspace(ws, (event) => host.emit('articleChanged', event))
    await host.onWorkspaceOpened?.(ws.root)
    return workspaceInfo(ws)
  }

  const handlers: Handlers = {
    getAppInfo: async () => ({
      mode: host.mode,
      version: host.version,
      canChooseFolder: Boolean(host.chooseFolder),
      assetBase: host.assetBase,
    }),
    getWorkspace: async () => (current ? workspaceInfo(current) : null),
    openWorkspace: async ({ path }) => open(path),
    chooseWorkspace: async () => {
      if (!host.chooseFolder) {
        throw new FolioError(
          'unsupported',
          'This window cannot show a folder picker; type the folder path instead.',
        )
      }
      const path = await host.chooseFolder()
      return path ? open(path) : null
    },
    getTheme: async () => loadTheme(context.workspace()),
    setSpellCheckLanguages: async ({ languages }) => {
      if (!host.setSpellCheckLanguages) return { applied: false, unavailable: [] }
      return { applied: true, unavailable: host.setSpellCheckLanguages(languages) }
    },
    ...articleHandlers(context),
    ...publishHandlers(context),
  }

  return {
    handlers,
    currentWorkspace: () => current,
    dispose: async () => {
      await watcher?.close()
      watcher = null
    },
  }
}
