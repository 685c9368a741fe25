/** Handlers for building the site and publishing it to the targets named in folio.yaml. */
import { join } from 'node:path'
import type { PublishProgressEvent } from '../api'
import { FolioError } from '../errors'
import {
  publishSite,
  readPublishHistory,
  secretEnvName,
  secretKeysByType,
  testConnection,
} from '../publish'
import { buildSite } from '../site'
import type { Workspace } from '../workspace'
import type { HandlerContext, Handlers } from './context'

type PublishHandlers = Pick<
  Handlers,
  | 'buildSite'
  | 'publishSite'
  | 'cancelPublish'
  | 'testConnection'
  | 'getPublishHistory'
  | 'setSecret'
>

/** Where a publish builds the site before uploading it: inside the workspace's private folder. */
export function publishBuildDir(ws: Workspace): string {
  return join(ws.root, '.folio', 'build')
}

function targetConfig(ws: Workspace, target: string) {
  const config = ws.config.publish.find((entry) => entry.name === target)
  if (!config) {
    throw new FolioError('not-found', `There is no publish target named "${target}".`, {
      path: target,
    })
  }
  return config
}

export function publishHandlers({ host, workspace }: HandlerContext): PublishHandlers {
  const running = new Map<string, AbortController>()

  function announce(target: string, phase: PublishProgressEvent['phase']): void {
    host.emit('publishProgress', {
      target,
      phase,
      filesDone: 0,
      filesTotal: 0,
      bytesDone: 0,
      bytesTotal: 0,
    })
  }

  return {
    buildSite: async ({ drafts }) => {
      const ws = workspace()
      // NOTE: the same folder a publish builds into, so Publish right after Build finds the site
      // up to date; a drafts build goes elsewhere, as it must never be published.
      const outDir = drafts ? join(ws.root, '.folio', 'build-drafts') : publishBuildDir(ws)
      return buildSite(ws, { outDir, drafts })
    },

    publishSite: async ({ target, dryRun, trustHostKey }) => {
      const ws = workspace()
      targetConfig(ws, target)
      if (running.has(target)) {
        throw new FolioError('invalid-argument', `A publish to "${target}" is already running.`, {
          path: target,
        })
      }
      const controller = new AbortController()
      running.set(target, controller)
      try {
        announce(target, 'building')
        const siteDir = publishBuildDir(ws)
        const build = await buildSite(ws, { outDir: siteDir })
        if (build.problems.length > 0) {
          announce(target, 'failed')
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
          trustHostKey,
          signal: controller.signal,
          secrets: host.secrets,
          onProgress: (event) => host.emit('publishProgress', event),
        })
      } finally {
        running.delete(target)
      }
    },

    cancelPublish: async ({ target }) => {
      const controller = running.get(target)
      controller?.abort()
      return { cancelled: Boolean(controller) }
    },

    testConnection: async ({ target, trustHostKey }) =>
      testConnection(workspace(), target, host.secrets, { trustHostKey }),

    getPublishHistory: async () => readPublishHistory(workspace()),

    setSecret: async ({ target, key, value }) => {
      const config = targetConfig(workspace(), target)
      if (!(secretKeysByType[config.type] ?? []).includes(key)) {
        throw new FolioError(
          'invalid-argument',
          `A ${config.type} target has no secret named "${key}".`,
          { path: target },
        )
      }
      if (!host.storeSecret) {
        throw new FolioError(
          'unsupported',
          `Secrets cannot be stored here; set the environment variable ${secretEnvName(target, key)} before starting Folio.`,
          { path: target },
        )
      }
      await host.storeSecret(target, key, value)
      return { stored: true as const }
    },
  }
}
