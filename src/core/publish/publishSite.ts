/**
 * The publish engine: compares the built site with what a target holds, uploads what is new or
 * changed in an order that keeps the live site whole, removes what is gone, records each finished
 * file so a resume skips it, and writes the publish history.
 */
import type { PublishProgressEvent, PublishReport } from '../api'
import { FolioError, isFolioError } from '../errors'
import type { PublishTargetConfig, Workspace } from '../workspace'
import { createTarget } from './createTarget'
import { scanSite, type LocalFile } from './localFiles'
import { ManifestWriter, readManifest } from './manifest'
import { appendPublishHistory } from './publishHistory'
import { planPublish, uploadPhase } from './publishPlan'
import type { PublishTarget, TargetContext } from './publishTarget'
import {
  defaultRetryPolicy,
  isTransientError,
  throwIfCancelled,
  withRetry,
  type RetryPolicy,
} from './retry'
import { runPool } from './runPool'
import type { SecretSource } from './secretSource'

/** How to run one publish. */
export interface PublishOptions {
  /** A finished build of the site. */
  siteDir: string
  /** Compare and report only; nothing is sent and nothing recorded. */
  dryRun?: boolean
  signal?: AbortSignal
  onProgress?: (event: PublishProgressEvent) => void
  secrets: SecretSource
  /** Accept and remember an unknown SSH host key (trust on first use, after the user agreed). */
  trustHostKey?: boolean
  /** Retry behaviour for transient network errors; defaults to 4 tries with 0.5 s doubling backoff. */
  retry?: RetryPolicy
}

/** The target named `name` in the workspace config, or a 'not-found' FolioError. */
export function findTargetConfig(ws: Workspace, name: string): PublishTargetConfig {
  const config = ws.config.publish.find((entry) => entry.name === name)
  if (!config) {
    throw new FolioError('not-found', `There is no publish target named "${name}" in folio.yaml.`, {
      path: name,
    })
  }
  return config
}

/** The final error of a failed publish: 'auth', 'network', 'cancelled', ... or 'publish-failed'. */
function publishError(
  err: unknown,
  target: string,
  file: string | undefined,
  action: string,
): FolioError {
  const where = file ? `${action} "${file}"` : action
  const subject = file ?? target
  if (isFolioError(err) && err.code === 'cancelled') return err
  if (isFolioError(err) && ['auth', 'host-key', 'config', 'not-found'].includes(err.code)) {
    return file
      ? new FolioError(err.code, `${err.message} (while ${where})`, {
          path: subject,
        })
      : err
  }
  const cause = err instanceof Error ? err.message : String(err)
  if (isTransientError(err)) {
    return new FolioError(
      'network',
      `The connection to "${target}" failed while ${where}: ${cause}. Publish again to resume; files already sent are not sent twice.`,
      { path: subject },
    )
  }
  if (isFolioError(err) && !file) {
    return new FolioError('publish-failed', err.message, {
      path: err.path ?? target,
    })
  }
  return new FolioError(
    'publish-failed',
    `Publishing to "${target}" failed while ${where}: ${cause}`,
    { path: subject },
  )
}

/** Tracks progress and turns it into events. */
class Progress {
  filesDone = 0
  bytesDone = 0
  constructor(
    private readonly target: string,
    readonly filesTotal: number,
    readonly bytesTotal: number,
    private readonly listener?: (event: PublishProgressEvent) => void,
  ) {}

  emit(phase: PublishProgressEvent['phase'], currentFile?: string): void {
    const event: PublishProgressEvent = {
      target: this.target,
      phase,
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
    }
    if (currentFile !== undefined) event.currentFile = currentFile
    this.listener?.(event)
  }
}

interface Transfer {
  target: PublishTarget
  name: string
  writer: ManifestWriter
  progress: Progress
  options: PublishOptions
  policy: RetryPolicy
}

async function uploadAll(t: Transfer, uploads: LocalFile[]): Promise<void> {
  const cancelled = () => throwIfCancelled(t.options.signal, t.name)
  for (const phase of [0, 1, 2]) {
    const batch = uploads.filter((file) => uploadPhase(file.path) === phase)
    await runPool(
      batch,
      t.target.concurrency,
      async (file) => {
        t.progress.emit('uploading', file.path)
        let result: { remote?: string }
        try {
          result = await withRetry(
            () => t.target.upload(file),
            t.policy,
            t.options.signal,
            () => reset(t.target),
          )
        } catch (err) {
          throw publishError(err, t.name, file.path, 'uploading')
        }
        const entry = {
          hash: file.hash,
          size: file.size,
          ...(result.remote !== undefined ? { remote: result.remote } : {}),
        }
        await t.writer.put(file.path, entry)
        t.progress.filesDone++
        t.progress.bytesDone += file.size
        t.progress.emit('uploading', file.path)
      },
      cancelled,
    )
  }
}

async function removeAll(t: Transfer, removed: string[]): Promise<void> {
  await runPool(
    removed,
    t.target.concurrency,
    async (path) => {
      t.progress.emit('removing', path)
      try {
        await withRetry(
          () => t.target.remove(path),
          t.policy,
          t.options.signal,
          () => reset(t.target),
        )
      } catch (err) {
        throw publishError(err, t.name, path, 'removing')
      }
      await t.writer.delete(path)
      t.progress.filesDone++
      t.progress.emit('removing', path)
    },
    () => throwIfCancelled(t.options.signal, t.name),
  )
}

async function reset(target: PublishTarget): Promise<void> {
  await target.reset?.()
}

/**
 * Publishes a finished build to the target named `targetName`. Resolves a report of what was sent
 * (or, in a dry run, would be). Fails with a FolioError ('auth', 'host-key', 'network', 'cancelled',
 * 'config', 'publish-failed') naming the file and the cause; files finished before a failure stay
 * recorded, so publishing again resumes. Every real publish is appended to the history.
 */
export async function publishSite(
  ws: Workspace,
  targetName: string,
  options: PublishOptions,
): Promise<PublishReport> {
  const started = Date.now()
  const at = new Date(started).toISOString()
  const policy = options.retry ?? defaultRetryPolicy
  const counts = { added: 0, changed: 0, removed: 0, bytes: 0 }
  let target: PublishTarget | undefined
  let progress = new Progress(targetName, 0, 0, options.onProgress)
  try {
    const config = findTargetConfig(ws, targetName)
    throwIfCancelled(options.signal, targetName)
    progress.emit('comparing')
    const site = await scanSite(options.siteDir)
    const ctx: TargetContext = {
      ws,
      config,
      secrets: options.secrets,
      trustHostKey: options.trustHostKey ?? false,
      signal: options.signal,
    }
    const created = await createTarget(ctx)
    target = created
    try {
      await withRetry(
        () => created.connect(),
        policy,
        options.signal,
        () => reset(created),
      )
    } catch (err) {
      throw publishError(err, targetName, undefined, 'connecting')
    }
    const previous = await readManifest(ws.root, targetName)
    let listing
    try {
      listing = await withRetry(
        () => created.list(previous),
        policy,
        options.signal,
        () => reset(created),
      )
    } catch (err) {
      throw publishError(err, targetName, undefined, 'listing the remote files')
    }
    const plan = planPublish(site, previous, listing)
    const report: PublishReport = {
      target: targetName,
      dryRun: Boolean(options.dryRun),
      added: plan.added,
      changed: plan.changed,
      removed: plan.removed,
      bytes: plan.uploads.reduce((sum, file) => sum + file.size, 0),
      location: created.location,
      durationMs: 0,
    }
    counts.added = plan.added.length
    counts.changed = plan.changed.length
    counts.removed = plan.removed.length
    counts.bytes = report.bytes
    if (options.dryRun) {
      progress = new Progress(targetName, 0, 0, options.onProgress)
      progress.emit('done')
      report.durationMs = Date.now() - started
      return report
    }
    throwIfCancelled(options.signal, targetName)
    let uploads = plan.uploads
    if (created.prepare) {
      try {
        uploads = await withRetry(
          () => created.prepare!(site, plan.uploads),
          policy,
          options.signal,
          () => reset(created),
        )
      } catch (err) {
        throw publishError(err, targetName, undefined, 'preparing the upload')
      }
    }
    progress = new Progress(
      targetName,
      uploads.length + plan.removed.length,
      uploads.reduce((sum, file) => sum + file.size, 0),
      options.onProgress,
    )
    // Atomic targets record nothing until finish(); the writer then only collects in memory.
    const writer = new ManifestWriter(ws.root, targetName, plan.baseline, created.atomic)
    const transfer: Transfer = {
      target: created,
      name: targetName,
      writer,
      progress,
      options,
      policy,
    }
    await uploadAll(transfer, uploads)
    await removeAll(transfer, plan.removed)
    if (created.finish) {
      try {
        await withRetry(
          () => created.finish!(counts),
          policy,
          options.signal,
          () => reset(created),
        )
      } catch (err) {
        throw publishError(err, targetName, undefined, 'making the new version live')
      }
    }
    await writer.finalize()
    progress.emit('done')
    report.durationMs = Date.now() - started
    await appendPublishHistory(ws.root, {
      at,
      target: targetName,
      result: 'ok',
      ...counts,
      durationMs: report.durationMs,
    })
    return report
  } catch (err) {
    const error =
      isFolioError(err) && err.code !== 'internal'
        ? err
        : publishError(err, targetName, undefined, 'publishing')
    progress.emit('failed')
    if (!options.dryRun) {
      const data = error.toJSON()
      await appendPublishHistory(ws.root, {
        at,
        target: targetName,
        result: error.code === 'cancelled' ? 'cancelled' : 'failed',
        ...counts,
        durationMs: Date.now() - started,
        error: {
          code: data.code,
          message: data.message,
          ...(data.path ? { path: data.path } : {}),
        },
      })
    }
    throw error
  } finally {
    await target?.close()
  }
}
