import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/core/publish'
import { startSshServer } from '../servers/sshServer'
import { useProxiedServer } from '../servers/useServer'
import { secretsFrom, usePublishFixtures } from '../../unit/publish/publishFixture'
import {
  failureOf,
  itTransfersThroughDrops,
  publishTo,
  refusesCredentials,
} from './publishScenarios'
import { folderServerTarget } from './folderServerTarget'

const env = useProxiedServer(startSshServer)
const secrets = secretsFrom({})
const sftp = folderServerTarget(env, usePublishFixtures(), {
  name: 'web',
  type: 'sftp',
  scheme: 'sftp',
  secrets: () => secrets,
  login: (server) => ({
    privateKey: server.keyPath,
    hostKey: server.hostKeyFingerprint,
  }),
})

describe('sftp target against a real sshd', () => {
  itTransfersThroughDrops(sftp, env, (remote, path) => rm(join(remote, path)))

  it('refuses a wrong key with an auth error and changes nothing', async () => {
    const { error } = await refusesCredentials(sftp, {
      config: { privateKey: env.server.otherKeyPath },
    })
    expect(error.message).toMatch(/refused the login/)
  })

  it('refuses a wrong password with an auth error and never shows the password', () =>
    refusesCredentials(sftp, {
      config: { privateKey: undefined },
      secrets: secretsFrom({ web: { password: 'not-the-password-42' } }),
      secret: 'not-the-password-42',
    }))

  it('refuses an unknown host key unless trusted, then remembers it', async () => {
    const { f, remote } = await sftp.setup({ hostKey: undefined })
    const error = await failureOf(testConnection(f.ws, 'web', secrets))
    expect(error.code).toBe('host-key')
    expect(error.message).toContain(env.server.hostKeyFingerprint)
    await sftp.expectNothingPublished(remote)

    await publishTo(sftp, f, { trustHostKey: true })
    expect(await readFile(join(f.ws.root, '.folio/known_hosts'), 'utf8')).toContain(
      env.server.hostKeyFingerprint,
    )
    const result = await testConnection(f.ws, 'web', secrets)
    expect(result.remoteFiles).toBe(7)
  })

  it('refuses a host key that does not match the pinned one', async () => {
    const { f } = await sftp.setup({
      hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    })
    const error = await failureOf(publishTo(sftp, f, { trustHostKey: true }))
    expect(error.code).toBe('host-key')
    expect(error.message).toMatch(/does not match the hostKey pinned/)
  })
})
