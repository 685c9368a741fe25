/**
 * The interface every publish destination implements (folder, sftp, ftp, s3, git, netlify). The
 * engine (`publishSite`) decides what to send and in which order; a target only moves files.
 */
import type { Workspace, PublishTargetConfig } from '../workspace'
import type { LocalFile } from './localFiles'
import type { Manifest } from './manifest'
import type { SecretSource } from './secretSource'

/** What the remote says about one file. `tag` is its own version marker (ETag, size+mtime...). */
export interface RemoteEntry {
  size?: number
  tag?: string
  /** sha256 of the content, when the target can compute it cheaply (a folder). */
  hash?: string
}

/** Remote files by site-relative path. */
export type RemoteListing = Map<string, RemoteEntry>

/** Everything a target needs to connect: its config, the workspace, and its secrets. */
export interface TargetContext {
  ws: Workspace
  config: PublishTargetConfig
  secrets: SecretSource
  /** Accept and remember an unknown SSH host key (trust on first use). */
  trustHostKey: boolean
  signal?: AbortSignal
}

/** One destination. Calls come in order: connect, list, [prepare], upload/remove..., [finish], close. */
export interface PublishTarget {
  /** Where the site goes, for display (never a secret). */
  readonly location: string
  /** How many uploads may run at once. */
  readonly concurrency: number
  /**
   * True when nothing is live until `finish` (a git commit, a Netlify deploy): the manifest is then
   * recorded only after `finish` succeeds instead of after each file.
   */
  readonly atomic: boolean
  /** Opens the connection and checks the destination is usable; changes nothing remote. */
  connect(): Promise<void>
  /** Lists what is on the remote, so a file changed or deleted by hand is noticed; null if it cannot. */
  list(previous: Manifest): Promise<RemoteListing | null>
  /**
   * Lets a target with its own diff (Netlify) narrow the uploads, given the whole site; called only
   * when something changed. `tags` gives the remote tag of planned files it will not transfer.
   */
  prepare?(
    site: LocalFile[],
    uploads: LocalFile[],
  ): Promise<{ uploads: LocalFile[]; tags: Map<string, string> }>
  /** Puts one file live (atomically where the protocol allows); resolves the remote's tag for it. */
  upload(file: LocalFile): Promise<{ remote?: string }>
  /** Deletes one file from the remote; a file already gone is not an error. */
  remove(path: string): Promise<void>
  /** Makes the uploads and removals live, for atomic targets. */
  finish?(summary: { added: number; changed: number; removed: number }): Promise<void>
  /** Drops a broken connection so the next call reconnects (used between retries). */
  reset?(): Promise<void>
  /** Releases the connection; never throws. */
  close(): Promise<void>
}
