/**
 * The publish engine: compares the built site with what a target holds, uploads what is new or
 * changed in an order that keeps the live site whole, removes what is gone, records each finished
 * file so a resume skips it, and writes the publish history.
 */
import { resolve } from 'node:path'
import type { PublishProgressEvent, PublishReport } from '../api'
import { FolioError, isFolioError } from '../errors'
import type { PublishTargetConfig, Workspace } from '../workspace'
import { createTarget } from './createTarget'
import { readHashCache } from './hashCache'
import { scanSite, type LocalFile } from './localFiles'
import { ManifestWriter, readManifest } from './manifest'
import { publishError } from './publishError'
import { appendPublishHistory } from './publishHistory'
import { planPublish, uploadPhase, type PublishPlan } from './publishPlan'
import { PublishProgress } from './publishProgress'
import type { PublishTarget } from './publishTarget'
import { defaultRetryPolicy, throwIfCancelled, withRetry, type RetryPolicy } from './retry'
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

/** One publish in progress: the target, its options, and the step the engine is at. */
class PublishRun {
  readonly policy: RetryPolicy
  progress: PublishProgress

  constructor(
    readonly name: string,
    readonly target: PublishTarget,
    readonly options: PublishOptions,
  ) {
    this.policy = options.retry ?? defaultRetryPolicy
    this.progress = new PublishProgress(name, 0, 0, options.onProgress)
  }

  /** Runs one target call with retries; a failure becomes the publish's final error. */
  async step<T>(action: string, file: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(work, this.policy, this.options.signal, async () => {
        await this.target.reset?.()
      })
    } catch (err) {
      throw publishError(err, this.name, file, action)
    }
  }

  cancelled = (): void => throwIfCancelled(this.options.signal, this.name)

  /** Uploads in three waves (assets, pages, feeds) so nothing links to a file not yet there. */
  async uploadAll(uploads: LocalFile[], writer: ManifestWriter): Promise<void> {
    for (const phase of [0, 1, 2]) {
      const wave = uploads.filter((file) => uploadPhase(file.path) === phase)
      await runPool(
        wave,
        this.target.concurrency,
        async (file) => {
          this.progress.emit('uploading', file.path)
          const result = await this.step('uploading', file.path, () => this.target.upload(file))
          const remote = result.remote !== undefined ? { remote: result.remote } : {}
          await writer.put(file.path, { hash: file.hash, size: file.size, ...remote })
          this.progress.fileDone(file.size)
          this.progress.emit('uploading', file.path)
        },
        this.cancelled,
      )
    }
  }

  /** Removes stale files, last, once every page that linked to them has been replaced. */
  async removeAll(removed: string[], writer: ManifestWriter): Promise<void> {
    await runPool(
      removed,
      this.target.concurrency,
      async (path) => {
        this.progress.emit('removing', path)
        await this.step('removing', path, () => this.target.remove(path))
        await writer.delete(path)
        this.progress.fileDone(0)
        this.progress.emit('removing', path)
      },
      this.cancelled,
    )
  }

  /** Sends the plan: prepare (Netlify), uploads, removals, finish (git push), then the manifest. */
  async apply(ws: Workspace, site: LocalFile[], plan: PublishPlan): Promise<void> {
    const { target } = this
    let uploads = plan.uploads
    let skipped = new Map<string, string>()
    if (target.prepare && plan.uploads.length + plan.removed.length > 0) {
      const prepared = await this.step('preparing the upload', undefined, () =>
        target.prepare!(site, plan.uploads),
      )
      uploads = prepared.uploads
      skipped = prepared.tags
    }
    const bytes = uploads.reduce((sum, file) => sum + file.size, 0)
    const total = uploads.length + plan.removed.length
    this.progress = new PublishProgress(this.name, total, bytes, this.options.onProgress)
    // Atomic targets record nothing until finish(); the writer then only collects in memory.
    const writer = new ManifestWriter(ws.root, this.name, plan.baseline, target.atomic)
    await this.uploadAll(uploads, writer)
    // Files the target already had (by content) need no transfer but are part of this version.
    for (const file of plan.uploads) {
      const remote = skipped.get(file.path)
      if (remote !== undefined)
        await writer.put(file.path, { hash: file.hash, size: file.size, remote })
    }
    await this.removeAll(plan.removed, writer)
    if (target.finish) {
      const summary = {
        added: plan.added.length,
        changed: plan.changed.length,
        removed: plan.removed.length,
      }
      await this.step('making the new version live', undefined, () => target.finish!(summary))
    }
    await writer.finalize()
  }
}

/** Scans the built site with the workspace's hash cache, then saves the cache; never rejects. */
async function scanLocalSite(
  root: string,
  siteDir: string,
): Promise<{ files: LocalFile[] } | { error: unknown }> {
  try {
    const cache = await readHashCache(root, resolve(siteDir))
    const files = await scanSite(siteDir, cache)
    await cache.save()
    return { files }
  } catch (error) {
    return { error }
  }
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
  const counts = { added: 0, changed: 0, removed: 0, bytes: 0 }
  let run: PublishRun | undefined
  try {
    const config = findTargetConfig(ws, targetName)
    throwIfCancelled(options.signal, targetName)
    options.onProgress?.({
      target: targetName,
      phase: 'comparing',
      filesDone: 0,
      filesTotal: 0,
      bytesDone: 0,
      bytesTotal: 0,
    })
    // NOTE: the site is scanned while the target connects and lists itself; both take a
    // noticeable share of a no-change publish. A scan failure (site not built) wins over the
    // target's, as the more basic problem; `scanning` never rejects, so neither goes unhandled.
    const scanning = scanLocalSite(ws.root, options.siteDir)
    const trustHostKey = options.trustHostKey ?? false
    let remote
    try {
      const target = await createTarget({
        ws,
        config,
        secrets: options.secrets,
        trustHostKey,
        signal: options.signal,
      })
      run = new PublishRun(targetName, target, options)
      await run.step('connecting', undefined, () => target.connect())
      const previous = await readManifest(ws.root, targetName)
      const listing = await run.step('listing the remote files', undefined, () =>
        target.list(previous),
      )
      remote = { target, previous, listing }
    } catch (err) {
      const scanned = await scanning
      if ('error' in scanned) throw scanned.error
      throw err
    }
    const scanned = await scanning
    if ('error' in scanned) throw scanned.error
    const site = scanned.files
    const { target, previous, listing } = remote
    const plan = planPublish(site, previous, listing)
    counts.added = plan.added.length
    counts.changed = plan.changed.length
    counts.removed = plan.removed.length
    counts.bytes = plan.uploads.reduce((sum, file) => sum + file.size, 0)
    if (!options.dryRun) {
      run.cancelled()
      await run.apply(ws, site, plan)
    }
    run.progress.emit('done')
    const report: PublishReport = {
      target: targetName,
      dryRun: Boolean(options.dryRun),
      added: plan.added,
      changed: plan.changed,
      removed: plan.removed,
      bytes: counts.bytes,
      location: target.location,
      durationMs: Date.now() - started,
    }
    if (!options.dryRun) {
      await appendPublishHistory(ws.root, {
        at: new Date(started).toISOString(),
        target: targetName,
        result: 'ok',
        ...counts,
        durationMs: report.durationMs,
      })
    }
    return report
  } catch (err) {
    const error =
      isFolioError(err) && err.code !== 'internal'
        ? err
        : publishError(err, targetName, undefined, 'publishing')
    if (run) run.progress.emit('failed')
    else
      options.onProgress?.({
        target: targetName,
        phase: 'failed',
        filesDone: 0,
        filesTotal: 0,
        bytesDone: 0,
        bytesTotal: 0,
      })
    if (!options.dryRun) {
      const data = error.toJSON()
      await appendPublishHistory(ws.root, {
        at: new Date(started).toISOString(),
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
    await run?.target.close()
  }
}
