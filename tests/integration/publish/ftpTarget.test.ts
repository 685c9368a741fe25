import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import { FolioError } from '../../../src/core/errors'
import { publishSite, testConnection } from '../../../src/core/publish'
import { startDropProxy, type DropProxy } from '../servers/dropProxy'
import { startFtpServer, type FtpServer } from '../servers/ftpServer'
import {
  makeFixture,
  readTree,
  sampleSite,
  secretsFrom,
  testOptions,
  type PublishFixture,
} from '../../unit/publish/publishFixture'

let server: FtpServer
let proxy: DropProxy
let fixture: PublishFixture | undefined
let run = 0

beforeAll(async () => {
  server = await startFtpServer()
  proxy = await startDropProxy(server.port)
})
afterAll(async () => {
  await proxy?.close()
  await server?.stop()
})
afterEach(async () => {
  proxy.setBlocked(false)
  await fixture?.cleanup()
  fixture = undefined
})

const secrets = () => secretsFrom({ host: { password: server.password } })

async function setup(
  extra: Record<string, unknown> = {},
): Promise<{ f: PublishFixture; remote: string }> {
  const remote = join(server.dataDir, `site-${++run}`)
  fixture = await makeFixture([
    {
      name: 'host',
      type: 'ftp',
      host: '127.0.0.1',
      port: proxy.port,
      user: server.user,
      path: remote,
      ca: server.certPath,
      ...extra,
    },
  ])
  return { f: fixture, remote }
}

function uploaded(events: PublishProgressEvent[]): string[] {
  return [
    ...new Set(
      events.filter((e) => e.phase === 'uploading' && e.currentFile).map((e) => e.currentFile!),
    ),
  ]
}

describe('ftps target against a real vsftpd', () => {
  it('publishes over TLS, then uploads nothing, then only the edit, then removes a deleted page', async () => {
    const { f, remote } = await setup()
    const first = await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets()))
    expect(first.added).toHaveLength(7)
    expect(first.location).toBe(`ftps://${server.user}@127.0.0.1:${proxy.port}${remote}`)
    expect(await readTree(remote)).toEqual(sampleSite)

    const events: PublishProgressEvent[] = []
    const second = await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets(), events))
    expect([...second.added, ...second.changed, ...second.removed]).toEqual([])
    expect(uploaded(events)).toEqual([])

    const next: Record<string, string> = {
      ...sampleSite,
      'posts/hello/index.html': '<h1>Edited</h1>',
    }
    delete next['posts/second/index.html']
    await f.writeSite(next)
    const editEvents: PublishProgressEvent[] = []
    const third = await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets(), editEvents))
    expect(uploaded(editEvents)).toEqual(['posts/hello/index.html'])
    expect(third.removed).toEqual(['posts/second/index.html'])
    expect(await readTree(remote)).toEqual(next)
  })

  it('restores a file deleted on the server by hand', async () => {
    const { f, remote } = await setup()
    await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets()))
    await rm(join(remote, 'images/cat.png'))
    const report = await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets()))
    expect(report.added).toEqual(['images/cat.png'])
    expect(await readTree(remote)).toEqual(sampleSite)
  })

  it('reconnects and finishes when the connection drops mid-upload', async () => {
    const { f, remote } = await setup()
    let dropped = false
    const options = testOptions(f.siteDir, secrets())
    options.onProgress = (event) => {
      if (!dropped && event.phase === 'uploading' && event.filesDone === 2) {
        dropped = true
        proxy.dropAll()
      }
    }
    await publishSite(f.ws, 'host', options)
    expect(dropped).toBe(true)
    expect(await readTree(remote)).toEqual(sampleSite)
  })

  it('gives up with a network error naming the file, then resumes without resending', async () => {
    const { f, remote } = await setup()
    const options = testOptions(f.siteDir, secrets())
    options.onProgress = (event) => {
      if (event.phase === 'uploading' && event.filesDone === 3) {
        proxy.setBlocked(true)
        proxy.dropAll()
      }
    }
    const error = (await publishSite(f.ws, 'host', options).catch((e: unknown) => e)) as FolioError
    expect(error).toBeInstanceOf(FolioError)
    expect(error.code).toBe('network')
    expect(Object.keys(sampleSite)).toContain(error.path)
    proxy.setBlocked(false)
    const events: PublishProgressEvent[] = []
    await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets(), events))
    expect(uploaded(events).length).toBeLessThanOrEqual(4)
    expect(await readTree(remote)).toEqual(sampleSite)
  })

  it('refuses a wrong password with an auth error, changes nothing, and never shows it', async () => {
    const { f, remote } = await setup()
    const wrong = secretsFrom({ host: { password: 'wrong-ftp-pw-77' } })
    const error = (await publishSite(f.ws, 'host', testOptions(f.siteDir, wrong)).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('auth')
    expect(error.message).not.toContain('wrong-ftp-pw-77')
    await expect(readdir(remote)).rejects.toThrow()
    await expect(testConnection(f.ws, 'host', wrong)).rejects.toMatchObject({ code: 'auth' })
  })

  it('refuses a server certificate it cannot verify', async () => {
    const { f, remote } = await setup({ ca: undefined })
    const error = (await publishSite(f.ws, 'host', testOptions(f.siteDir, secrets())).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error).toBeInstanceOf(FolioError)
    expect(error.message).toMatch(/certificate/i)
    await expect(readdir(remote)).rejects.toThrow()
  })
})
