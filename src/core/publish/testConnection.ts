/**
 * "Test connection": can Folio reach a target, log in, and see its files? Changes nothing remote.
 */
import { FolioError, isFolioError } from '../errors'
import type { Workspace } from '../workspace'
import { createTarget } from './createTarget'
import { readManifest } from './manifest'
import type { PublishTarget } from './publishTarget'
import type { SecretSource } from './secretSource'
import { findTargetConfig } from './publishSite'
import { isTransientError } from './retry'
import type { ConnectionTestResult } from '../api'
export type { ConnectionTestResult }

/**
 * Connects to the named target and lists it, then disconnects. Resolves what it saw; fails with the
 * same FolioError a publish would ('auth', 'host-key', 'network', 'config', ...).
 */
export async function testConnection(
  ws: Workspace,
  targetName: string,
  secrets: SecretSource,
  options: { trustHostKey?: boolean } = {},
): Promise<ConnectionTestResult> {
  const config = findTargetConfig(ws, targetName)
  let target: PublishTarget | undefined
  try {
    target = await createTarget({
      ws,
      config,
      secrets,
      trustHostKey: options.trustHostKey ?? false,
    })
    await target.connect()
    const listing = await target.list(await readManifest(ws.root, targetName))
    return {
      target: targetName,
      location: target.location,
      remoteFiles: listing ? listing.size : null,
    }
  } catch (err) {
    if (isFolioError(err) && err.code !== 'internal') throw err
    const cause = err instanceof Error ? err.message : String(err)
    const code = isTransientError(err) ? 'network' : 'publish-failed'
    throw new FolioError(code, `Could not connect to "${targetName}": ${cause}`, {
      path: targetName,
    })
  } finally {
    await target?.close()
  }
}
