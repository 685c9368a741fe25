/**
 * The git target (GitHub/GitLab/Codeberg Pages, or any host that deploys a branch): commits the
 * site on top of the branch (default gh-pages) with isomorphic-git, so no system git is needed and
 * the branch keeps its history, its CNAME and any file Folio did not put there; adds `.nojekyll`.
 * A bare repository cached in `.folio/publish/<target>.git` makes each publish fetch and push only
 * what changed. Nothing is live until the push, so the target is atomic.
 */
import * as fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git, { type TreeEntry } from 'isomorphic-git'
import http from 'isomorphic-git/http/node'
import { FolioError } from '../../errors'
import { redactUrl } from '../describeTarget'
import type { LocalFile } from '../localFiles'
import { publishStateDir, targetFileName } from '../manifest'
import type { PublishTarget, RemoteListing, TargetContext } from '../publishTarget'
import { secretEnvName } from '../secretSource'
import { optionalString, requireString } from '../targetConfig'

interface BlobEntry {
  oid: string
  mode: string
}

/** Nested trees from a flat path map; resolves the root tree id. */
async function writeTrees(gitdir: string, entries: Map<string, BlobEntry>): Promise<string> {
  interface Folder {
    files: Map<string, BlobEntry>
    folders: Map<string, Folder>
  }
  const root: Folder = { files: new Map(), folders: new Map() }
  for (const [path, entry] of entries) {
    const parts = path.split('/')
    let folder = root
    for (const part of parts.slice(0, -1)) {
      let child = folder.folders.get(part)
      if (!child) {
        child = { files: new Map(), folders: new Map() }
        folder.folders.set(part, child)
      }
      folder = child
    }
    folder.files.set(parts[parts.length - 1], entry)
  }
  async function write(folder: Folder): Promise<string> {
    const tree: TreeEntry[] = []
    for (const [path, entry] of folder.files)
      tree.push({ path, oid: entry.oid, mode: entry.mode, type: 'blob' })
    for (const [path, child] of folder.folders) {
      tree.push({ path, oid: await write(child), mode: '040000', type: 'tree' })
    }
    return git.writeTree({ fs, gitdir, tree })
  }
  return write(root)
}

/** Creates the git target: `url` (https), `branch` (gh-pages), optional `username`, `cname`, `author`, `email`. */
export function createGitTarget(ctx: TargetContext): PublishTarget {
  const { config, ws } = ctx
  const name = config.name
  const url = requireString(config, 'url')
  const branch = optionalString(config, 'branch') ?? 'gh-pages'
  const username = optionalString(config, 'username') ?? 'x-access-token'
  const cname = optionalString(config, 'cname')
  const author = {
    name: optionalString(config, 'author') ?? 'Folio',
    email: optionalString(config, 'email') ?? 'folio@localhost',
  }
  const gitdir = join(publishStateDir(ws.root), `${targetFileName(name)}.git`)
  const shownUrl = redactUrl(url)
  let token: string | undefined
  let parent: string | null = null
  let entries = new Map<string, BlobEntry>()
  let parentTree: string | null = null
  let pushed: string | null = null

  function onAuth() {
    return token ? { username, password: token } : { cancel: true }
  }

  /** Maps isomorphic-git failures to errors a person can act on. */
  function explain(err: unknown): unknown {
    const e = err as { code?: string; data?: { statusCode?: number; reason?: string } }
    const status = e.data?.statusCode
    if (e.code === 'HttpError' && (status === 401 || status === 403)) {
      const hint = token
        ? 'check that the token is right and may push to the repository'
        : `set its token (${secretEnvName(name, 'token')})`
      return new FolioError(
        'auth',
        `The git host refused access to ${shownUrl} for target "${name}": ${hint}.`,
        { path: name },
      )
    }
    if (e.code === 'UserCanceledError') {
      return new FolioError(
        'auth',
        `The git host at ${shownUrl} asks for a login: set the token of target "${name}" (${secretEnvName(name, 'token')}).`,
        { path: name },
      )
    }
    if (e.code === 'HttpError' && status !== undefined && status >= 500) {
      return new FolioError('network', `The git host at ${shownUrl} answered ${status}.`, {
        path: name,
      })
    }
    if (e.code === 'NotFoundError' && (err as { data?: { what?: string } }).data?.what === 'HEAD') {
      return new FolioError(
        'publish-failed',
        `The repository ${shownUrl} has no default branch (its HEAD names a branch that does not exist); choose one on the git host, e.g. "${branch}".`,
        { path: name },
      )
    }
    if (e.code === 'PushRejectedError') {
      return new FolioError(
        'publish-failed',
        `The branch "${branch}" of ${shownUrl} changed while publishing; publish again.`,
        { path: name },
      )
    }
    return err
  }

  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (err) {
      throw explain(err)
    }
  }

  async function readEntries(
    treeOid: string,
    prefix: string,
    out: Map<string, BlobEntry>,
  ): Promise<void> {
    const { tree } = await git.readTree({ fs, gitdir, oid: treeOid })
    for (const entry of tree) {
      const path = prefix + entry.path
      if (entry.type === 'tree') await readEntries(entry.oid, `${path}/`, out)
      else if (entry.type === 'blob') out.set(path, { oid: entry.oid, mode: entry.mode })
    }
  }

  return {
    location: `${shownUrl} (branch ${branch})`,
    concurrency: 4,
    atomic: true,
    async connect() {
      token = await ctx.secrets(name, 'token')
      await git.init({ fs, gitdir, bare: true, defaultBranch: branch })
      await git.addRemote({ fs, gitdir, remote: 'origin', url, force: true })
      const info = await guard(() => git.getRemoteInfo2({ http, url, onAuth, forPush: true }))
      const remoteHead = info.refs?.find((ref) => ref.ref === `refs/heads/${branch}`)?.oid ?? null
      parent = null
      if (remoteHead) {
        // Only the tip is needed to commit on top of it; the host keeps the history.
        const fetched = await guard(() =>
          git.fetch({
            fs,
            http,
            gitdir,
            url,
            ref: branch,
            singleBranch: true,
            depth: 1,
            tags: false,
            onAuth,
          }),
        )
        parent = fetched.fetchHead ?? remoteHead
      }
    },
    async list() {
      entries = new Map()
      parentTree = null
      if (parent) {
        const { commit } = await git.readCommit({ fs, gitdir, oid: parent })
        parentTree = commit.tree
        await readEntries(commit.tree, '', entries)
      }
      const listing: RemoteListing = new Map()
      for (const [path, entry] of entries) listing.set(path, { tag: entry.oid })
      return listing
    },
    async upload(file: LocalFile) {
      const oid = await git.writeBlob({ fs, gitdir, blob: await readFile(file.absPath) })
      entries.set(file.path, { oid, mode: '100644' })
      return { remote: oid }
    },
    async remove(path: string) {
      entries.delete(path)
    },
    async finish(summary) {
      if (!entries.has('.nojekyll')) {
        entries.set('.nojekyll', {
          oid: await git.writeBlob({ fs, gitdir, blob: new Uint8Array() }),
          mode: '100644',
        })
      }
      if (cname && !entries.has('CNAME')) {
        const blob = new TextEncoder().encode(`${cname}\n`)
        entries.set('CNAME', { oid: await git.writeBlob({ fs, gitdir, blob }), mode: '100644' })
      }
      const tree = await writeTrees(gitdir, entries)
      if (tree === parentTree) return
      // NOTE: a retry after a failed push reuses the commit; a new one would only differ in time.
      if (!pushed) {
        const message = `Publish site with Folio: ${summary.added} new, ${summary.changed} changed, ${summary.removed} removed`
        const now = Math.floor(Date.now() / 1000)
        const who = { ...author, timestamp: now, timezoneOffset: 0 }
        pushed = await git.writeCommit({
          fs,
          gitdir,
          commit: {
            message: `${message}\n`,
            tree,
            parent: parent ? [parent] : [],
            author: who,
            committer: who,
          },
        })
        await git.writeRef({ fs, gitdir, ref: `refs/heads/${branch}`, value: pushed, force: true })
      }
      const result = await guard(() =>
        git.push({ fs, http, gitdir, url, ref: branch, remoteRef: `refs/heads/${branch}`, onAuth }),
      )
      if (!result.ok) {
        throw new FolioError(
          'publish-failed',
          `The git host at ${shownUrl} did not accept the push: ${result.error ?? 'unknown reason'}.`,
          { path: name },
        )
      }
    },
    async close() {},
  }
}
