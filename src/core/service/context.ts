/**
 * What every group of handlers shares: the hosting door's capabilities and the slot holding the
 * open workspace.
 */
import type { ApiInput, ApiMethod, ApiOutputs, FolioEventName, FolioEvents } from '../api'
import { FolioError } from '../errors'
import type { SecretSource } from '../publish'
import type { Workspace } from '../workspace'

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
  /** Moves an absolute path to the OS trash (desktop); without it, `.folio/trash` is used. */
  moveToOsTrash?: (absolutePath: string) => Promise<void>
  /** Sets the spell checker's languages; returns those it does not have. Desktop only. */
  setSpellCheckLanguages?: (languages: string[]) => string[]
  emit: EventSink
  /** Called after a workspace opened, so the door can remember it for the next start. */
  onWorkspaceOpened?: (root: string) => Promise<void>
}

export interface HandlerContext {
  host: ServiceHost
  /** The open workspace; throws 'no-workspace' when none is. */
  workspace(): Workspace
}

export function noWorkspace(): never {
  throw new FolioError('no-workspace', 'Open a workspace folder first.')
}
