/**
 * The publish scenarios every remote target must pass, written once: first publish, a publish with
 * nothing changed, an edit and a deletion, a file removed on the server, a dropped connection, and
 * refused credentials. Each target's test file describes its server as a `TargetUnderTest` and
 * calls these inside its own `it` blocks, keeping only what is specific to that target.
 */
import { expect, it } from 'vitest'
import type { PublishProgressEvent, PublishReport } from '../../../src/core/api'
import { FolioError } from '../../../src/core/errors'
import { publishSite, type PublishOptions } from '../../../src/core/publish'
import type { DropProxy } from '../servers/dropProxy'
import {
  sampleSite,
  testOptions,
  uploadedFiles,
  type PublishFixture,
} from '../../unit/publish/publishFixture'

/** A fresh workspace publishing to the target, and `remote`: where on the server its site goes. */
export interface Deployment<R> {
  f: PublishFixture
  remote: R
}

/** How the scenarios reach one kind of publish target and read back what reached its server. */
export interface TargetUnderTest<R> {
  /** The target's name in the workspace's folio.yaml. */
  name: string
  /** Credentials the server accepts. */
  secrets(): PublishOptions['secrets']
  /** A workspace whose only target publishes to a place of its own; `extra` overrides config keys. */
  setup(extra?: Record<string, unknown>): Promise<Deployment<R>>
  /** The files the server now serves for `remote`, by site-relative path. */
  readRemote(remote: R): Promise<Record<string, string>>
  /** Asserts that the server holds nothing new for `remote` (a refused publish changed nothing). */
  expectNothingPublished(remote: R): Promise<void>
  /** Files the target keeps beside the site on the server (git's `.nojekyll`). */
  remoteExtras?: Record<string, string>
  /** The location a publish report names for `remote`, for targets that name one. */
  location?(remote: R): string
  /**
   * The paths the server has received so far, for targets that send less than the progress events
   * name (Netlify uploads only contents it lacks); others are judged by their progress events.
   */
  uploadLog?(): string[]
}

/** One finished publish: its report and the files that went over the wire, in the order sent. */
export interface Published {
  report: PublishReport
  uploaded: string[]
}

/** The sample site after an author edited the hello post and deleted the second one. */
export const editedSite: Record<string, string> = Object.fromEntries(
  Object.entries({ ...sampleSite, 'posts/hello/index.html': '<h1>Edited</h1>' }).filter(
    ([path]) => path !== 'posts/second/index.html',
  ),
)

/**
 * Publishes `f`'s site to `t` with good credentials unless `extra.secrets` says otherwise, with
 * fast retries; `extra.onProgress` still sees every event.
 */
export async function publishTo<R>(
  t: TargetUnderTest<R>,
  f: PublishFixture,
  extra: Partial<PublishOptions> = {},
): Promise<Published> {
  const events: PublishProgressEvent[] = []
  const options = testOptions(f.siteDir, extra.secrets ?? t.secrets(), events, {
    ...extra,
    onProgress: (event) => {
      events.push(event)
      extra.onProgress?.(event)
    },
  })
  const mark = t.uploadLog?.().length ?? 0
  const report = await publishSite(f.ws, t.name, options)
  const uploaded = t.uploadLog ? t.uploadLog().slice(mark).sort() : uploadedFiles(events)
  return { report, uploaded }
}

/** Waits for a publish (or connection test) that must fail and returns its FolioError. */
export async function failureOf(pending: Promise<unknown>): Promise<FolioError> {
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FolioError)
  return error as FolioError
}

/** Target-specific assertions run after each step of `publishesOnlyWhatChanged`. */
export interface StepChecks<R> {
  afterFirst?(remote: R): Promise<void>
  afterUnchanged?(remote: R): Promise<void>
  afterEdit?(remote: R): Promise<void>
}

/**
 * The first publish sends the whole site; a second with nothing changed sends nothing; after an
 * edit and a deletion only the edited page is sent and the deleted page leaves the server.
 */
export async function publishesOnlyWhatChanged<R>(
  t: TargetUnderTest<R>,
  checks: StepChecks<R> = {},
): Promise<void> {
  const { f, remote } = await t.setup()
  const first = await publishTo(t, f)
  expect(first.report.added).toHaveLength(7)
  expect([...first.uploaded].sort()).toEqual(Object.keys(sampleSite).sort())
  if (t.location) expect(first.report.location).toBe(t.location(remote))
  expect(await t.readRemote(remote)).toEqual({ ...sampleSite, ...t.remoteExtras })
  await checks.afterFirst?.(remote)

  const second = await publishTo(t, f)
  const { added, changed, removed } = second.report
  expect([...added, ...changed, ...removed]).toEqual([])
  expect(second.uploaded).toEqual([])
  await checks.afterUnchanged?.(remote)

  await f.writeSite(editedSite)
  const third = await publishTo(t, f)
  expect(third.uploaded).toEqual(['posts/hello/index.html'])
  expect(third.report.removed).toEqual(['posts/second/index.html'])
  expect(await t.readRemote(remote)).toEqual({ ...editedSite, ...t.remoteExtras })
  await checks.afterEdit?.(remote)
}

/** A file removed on the server behind Folio's back (`removeRemote`) is sent again next time. */
export async function restoresRemovedFile<R>(
  t: TargetUnderTest<R>,
  removeRemote: (remote: R, path: string) => Promise<void>,
): Promise<void> {
  const { f, remote } = await t.setup()
  await publishTo(t, f)
  await removeRemote(remote, 'images/cat.png')
  const { report } = await publishTo(t, f)
  expect(report.added).toEqual(['images/cat.png'])
  expect(await t.readRemote(remote)).toEqual({ ...sampleSite, ...t.remoteExtras })
}

/** `proxy` cuts every connection once, mid-upload: the publish reconnects and finishes the site. */
export async function reconnectsAfterDrop<R>(
  t: TargetUnderTest<R>,
  proxy: DropProxy,
): Promise<void> {
  const { f, remote } = await t.setup()
  let dropped = false
  await publishTo(t, f, {
    onProgress: (event) => {
      if (!dropped && event.phase === 'uploading' && event.filesDone === 2) {
        dropped = true
        proxy.dropAll()
      }
    },
  })
  expect(dropped).toBe(true)
  expect(await t.readRemote(remote)).toEqual({ ...sampleSite, ...t.remoteExtras })
}

/**
 * The server becomes unreachable mid-upload: the publish gives up with a network error that names
 * a file and says to publish again; once reachable, the next publish sends only what is missing.
 */
export async function resumesAfterGivingUp<R>(
  t: TargetUnderTest<R>,
  proxy: DropProxy,
): Promise<void> {
  const { f, remote } = await t.setup()
  const error = await failureOf(
    publishTo(t, f, {
      onProgress: (event) => {
        if (event.phase === 'uploading' && event.filesDone === 3) {
          proxy.setBlocked(true)
          proxy.dropAll()
        }
      },
    }),
  )
  expect(error.code).toBe('network')
  expect(error.message).toMatch(/Publish again to resume/)
  expect(Object.keys(sampleSite)).toContain(error.path)
  proxy.setBlocked(false)
  const { report, uploaded } = await publishTo(t, f)
  expect(uploaded.length).toBeLessThanOrEqual(4)
  expect(report.added.length + report.changed.length).toBe(uploaded.length)
  expect(await t.readRemote(remote)).toEqual({ ...sampleSite, ...t.remoteExtras })
}

/** What makes the server refuse the login: wrong `secrets`, or a wrong key in the `config`. */
export interface WrongCredentials {
  secrets?: PublishOptions['secrets']
  config?: Record<string, unknown>
  /** The wrong secret's text, which must appear in no error message. */
  secret?: string
}

/**
 * A publish whose login the server refuses fails with an auth error that does not show the
 * secret, and leaves the server untouched; returns the deployment and error for further checks.
 */
export async function refusesCredentials<R>(
  t: TargetUnderTest<R>,
  wrong: WrongCredentials,
): Promise<Deployment<R> & { error: FolioError }> {
  const deployment = await t.setup(wrong.config)
  const { f, remote } = deployment
  const error = await failureOf(publishTo(t, f, wrong.secrets ? { secrets: wrong.secrets } : {}))
  expect(error.code).toBe('auth')
  if (wrong.secret) expect(error.message).not.toContain(wrong.secret)
  await t.expectNothingPublished(remote)
  return { ...deployment, error }
}

/**
 * Registers, inside the caller's `describe`, the four transfer tests every target behind a drop
 * proxy must pass: publishing only what changed, restoring a file removed on the server by
 * `removeRemote`, reconnecting after a drop, and resuming after giving up. `env.proxy` is read
 * when the tests run, so the holder from `useProxiedServer` can be passed as it is.
 */
export function itTransfersThroughDrops<R>(
  t: TargetUnderTest<R>,
  env: { proxy: DropProxy },
  removeRemote: (remote: R, path: string) => Promise<void>,
): void {
  it('publishes, then uploads nothing, then only the edit, then removes a deleted page', () =>
    publishesOnlyWhatChanged(t))
  it('restores a file deleted on the server by hand', () => restoresRemovedFile(t, removeRemote))
  it('reconnects and finishes when the connection drops mid-upload', () =>
    reconnectsAfterDrop(t, env.proxy))
  it('gives up with a network error naming the file, then resumes without resending', () =>
    resumesAfterGivingUp(t, env.proxy))
}
