/**
 * The publish target of a login server (sshd, vsftpd) that keeps the published site as a plain
 * folder on this machine, reached through a drop proxy so tests can cut the connection.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { PublishOptions } from '../../../src/core/publish'
import type { DropProxy } from '../servers/dropProxy'
import { readTree, type makeFixture } from '../../unit/publish/publishFixture'
import type { TargetUnderTest } from './publishScenarios'

/** What the scenarios need of such a server: where it stores files and who logs in. */
export interface FolderServer {
  dataDir: string
  user: string
}

/** How one kind of login server is configured as a Folio target. */
export interface FolderServerKind<S extends FolderServer> {
  /** The target's name in folio.yaml. */
  name: string
  type: 'sftp' | 'ftp'
  /** The URL scheme publish reports use for the location (`sftp`, `ftps`). */
  scheme: string
  /** Credentials the server accepts. */
  secrets(server: S): PublishOptions['secrets']
  /** The config keys that let Folio log in and trust the server (key, CA, host key). */
  login(server: S): Record<string, unknown>
}

/**
 * A target publishing to a fresh folder `site-N` under the server's data dir through `env.proxy`;
 * `remote` is that folder's path, read back from disk.
 */
export function folderServerTarget<S extends FolderServer>(
  env: { server: S; proxy: DropProxy },
  newFixture: typeof makeFixture,
  kind: FolderServerKind<S>,
): TargetUnderTest<string> {
  let run = 0
  return {
    name: kind.name,
    secrets: () => kind.secrets(env.server),
    async setup(extra = {}) {
      const { server, proxy } = env
      const remote = join(server.dataDir, `site-${++run}`)
      const f = await newFixture([
        {
          name: kind.name,
          type: kind.type,
          host: '127.0.0.1',
          port: proxy.port,
          user: server.user,
          path: remote,
          ...kind.login(server),
          ...extra,
        },
      ])
      return { f, remote }
    },
    readRemote: (remote) => readTree(remote),
    expectNothingPublished: (remote) => expect(readdir(remote)).rejects.toThrow(),
    location: (remote) =>
      `${kind.scheme}://${env.server.user}@127.0.0.1:${env.proxy.port}${remote}`,
  }
}
