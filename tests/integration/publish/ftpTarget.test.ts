import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/core/publish'
import { startFtpServer } from '../servers/ftpServer'
import { useProxiedServer } from '../servers/useServer'
import { secretsFrom, usePublishFixtures } from '../../unit/publish/publishFixture'
import {
  failureOf,
  itTransfersThroughDrops,
  publishTo,
  refusesCredentials,
} from './publishScenarios'
import { folderServerTarget } from './folderServerTarget'

const env = useProxiedServer(() => startFtpServer())
const ftps = folderServerTarget(env, usePublishFixtures(), {
  name: 'host',
  type: 'ftp',
  scheme: 'ftps',
  secrets: (server) => secretsFrom({ host: { password: server.password } }),
  login: (server) => ({ ca: server.certPath }),
})

describe('ftps target against a real vsftpd', () => {
  itTransfersThroughDrops(ftps, env, (remote, path) => rm(join(remote, path)))

  it('refuses a wrong password with an auth error, changes nothing, and never shows it', async () => {
    const wrong = secretsFrom({ host: { password: 'wrong-ftp-pw-77' } })
    const { f } = await refusesCredentials(ftps, { secrets: wrong, secret: 'wrong-ftp-pw-77' })
    await expect(testConnection(f.ws, 'host', wrong)).rejects.toMatchObject({ code: 'auth' })
  })

  it('refuses a server certificate it cannot verify', async () => {
    const { f, remote } = await ftps.setup({ ca: undefined })
    const error = await failureOf(publishTo(ftps, f))
    expect(error.message).toMatch(/certificate/i)
    await ftps.expectNothingPublished(remote)
  })
})
