/**
 * The one table of FolioApi handlers. Electron IPC (src/main) and the web mode (src/server) are both
 * generated from it, so the desktop app and the web page cannot drift apart. Each handler receives
 * arguments already validated against `apiInputs` and returns plain data.
 */
import { join } from 'node:path'
import type { ApiInput, ApiMethod, ApiOutputs, FolioEventName, FolioEvents, WorkspaceInfo } from '../api'
import { FolioError } from '../errors'
import {
  createArticle,
  listArticles,
  openWorkspace,
  readArticle,
  saveArticle,
  watchWorkspace,
  type Workspace,
} from '../workspace'
import { buildSite, loadTheme } from '../site'
import { describeTarget, publishSite, secretEnvName, secretKeysByType, type SecretSource } from '../publish'

export type Handlers = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> }

export type EventSink = <E extends FolioEventName>(event: E, payload: FolioEvents[E]) => void

/** What the hosting door (desktop app, web mode) provides to the handlers. */
export interface ServiceHost {
  mode: 'desktop' | 'web'
  version: string
  assetBase: string
  /** Native folder picker; absent in the web mode. */
  chooseFolder?: () => Promise<string | null>
  secrets: SecretSource
  /** Stores a secret in the OS keychain; absent where there is none (web mode, CLI: env vars). */
  storeSecret?: (target: string, key: string, value: string) => Promise<void>
  emit: EventSink
  /** Called after a workspace opened, so the door can remember it for the next start. */
  onWorkspaceOpened?: (root: string) => Promise<void>
}

/** Where a publish builds the site before uploading it: inside the workspace's private folder. */
export function publishBuildDir(ws: Workspace): string {
  return join(ws.root, '.folio', 'build')
}

export function workspaceInfo(ws: Workspace): WorkspaceInfo {
  const info: WorkspaceInfo = {
    root: ws.root,
    layout: ws.layout,
    contentDir: ws.contentDir,
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

/**
 * Creates the handler table over one mutable "current workspace" slot. Opening a workspace
 * replaces the watcher; `dispose` stops it.
 */
export interface HandlerTable {
  handlers: Handlers
  /** The open workspace, for adapters that serve its files (asset protocol, web mode). */
  currentWorkspace(): Workspace | null
  dispose(): Promise<void>
}

export function createHandlers(host: ServiceHost): HandlerTable {
  let current: Workspace | null = null
  let watcher: { close(): Promise<void> } | null = null
  const publishing = new Set<string>()

  function workspace(): Workspace {
    if (!current) throw new FolioError('no-workspace', 'Open a workspace folder first.')
    return current
  }

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
        throw new FolioError('unsupported', 'This window cannot show a folder picker; type the folder path instead.')
      }
      const path = await host.chooseFolder()
      return path ? open(path) : null
    },
    listArticles: async () => listArticles(workspace()),
    readArticle: async ({ path }) => readArticle(workspace(), path),
    saveArticle: async ({ path, text, baseVersion }) => saveArticle(workspace(), path, text, baseVersion),
    createArticle: async ({ title }) => createArticle(workspace(), title),
    getTheme: async () => loadTheme(workspace()),
    setSecret: async ({ target, key, value }) => {
      const ws = workspace()
      const config = ws.config.publish.find((entry) => entry.name === target)
      if (!config) throw new FolioError('not-found', `There is no publish target named "${target}".`, { path: target })
      if (!(secretKeysByType[config.type] ?? []).includes(key)) {
        throw new FolioError('invalid-argument', `A ${config.type} target has no secret named "${key}".`, { path: target })
      }
      if (!host.storeSecret) {
        const envName = secretEnvName(target, key)
        throw new FolioError('unsupported', `Secrets cannot be stored here; set the environment variable ${envName} before starting Folio.`, { path: target })
      }
      await host.storeSecret(target, key, value)
      return { stored: true as const }
    },
    buildSite: async ({ drafts }) => {
      const ws = workspace()
      return buildSite(ws, { outDir: join(ws.root, '.folio', 'site'), drafts })
    },
    publishSite: async ({ target, dryRun }) => {
      const ws = workspace()
      if (publishing.has(target)) {
        throw new FolioError('invalid-argument', `A publish to "${target}" is already running.`, { path: target })
      }
      publishing.add(target)
      try {
        const progress = (phase: 'building' | 'failed') =>
          host.emit('publishProgress', { target, phase, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 })
        progress('building')
        const siteDir = publishBuildDir(ws)
        const build = await buildSite(ws, { outDir: siteDir })
        if (build.problems.length > 0) {
          progress('failed')
          const first = build.problems[0]
          throw new FolioError(
            'build-failed',
            `The site has ${build.problems.length} build problem(s), so nothing was published. First: ${first.message}`,
            { path: first.path, line: first.line },
          )
        }
        return await publishSite(ws, target, {
          siteDir,
          dryRun,
          secrets: host.secrets,
          onProgress: (event) => host.emit('publishProgress', event),
        })
      } finally {
        publishing.delete(target)
      }
    },
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
