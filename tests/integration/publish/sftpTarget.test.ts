import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import { FolioError } from '../../../src/core/errors'
import { publishSite, testConnection } from '../../../src/core/publish'
import { startDropProxy, type DropProxy } from '../servers/dropProxy'
import { startSshServer, type SshServer } from '../servers/sshServer'
import {
  makeFixture,
  readTree,
  sampleSite,
  secretsFrom,
  testOptions,
  type PublishFixture,
} from '../../unit/publish/publishFixture'

let server: SshServer
let proxy: DropProxy
let fixture: PublishFixture | undefined
let run = 0

beforeAll(async () => {
  server = await startSshServer()
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

const secrets = secretsFrom({})

async function setup(
  extra: Record<string, unknown> = {},
): Promise<{ f: PublishFixture; remote: string }> {
  const remote = join(server.dataDir, `site-${++run}`)
  fixture = await makeFixture([
    {
      name: 'web',
      type: 'sftp',
      host: '127.0.0.1',
      port: proxy.port,
      user: server.user,
      path: remote,
      privateKey: server.keyPath,
      hostKey: server.hostKeyFingerprint,
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

describe('sftp target against a real sshd', () => {
  it('publishes, then uploads nothing, then only the edit, then removes a deleted page', async () => {
    const { f, remote } = await setup()
    const first = await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets))
    expect(first.added).toHaveLength(7)
    expect(first.location).toBe(`sftp://${server.user}@127.0.0.1:${proxy.port}${remote}`)
    expect(await readTree(remote)).toEqual(sampleSite)

    const events: PublishProgressEvent[] = []
    const second = await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets, events))
    expect([...second.added, ...second.changed, ...second.removed]).toEqual([])
    expect(uploaded(events)).toEqual([])

    const next: Record<string, string> = {
      ...sampleSite,
      'posts/hello/index.html': '<h1>Edited</h1>',
    }
    delete next['posts/second/index.html']
    await f.writeSite(next)
    const editEvents: PublishProgressEvent[] = []
    const third = await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets, editEvents))
    expect(uploaded(editEvents)).toEqual(['posts/hello/index.html'])
    expect(third.removed).toEqual(['posts/second/index.html'])
    expect(await readTree(remote)).toEqual(next)
  })

  it('restores a file deleted on the server by hand', async () => {
    const { f, remote } = await setup()
    await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets))
    const { rm } = await import('node:fs/promises')
    await rm(join(remote, 'images/cat.png'))
    const report = await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets))
    expect(report.added).toEqual(['images/cat.png'])
    expect(await readTree(remote)).toEqual(sampleSite)
  })

  it('reconnects and finishes when the connection drops mid-upload', async () => {
    const { f, remote } = await setup()
    let dropped = false
    const options = testOptions(f.siteDir, secrets)
    options.onProgress = (event) => {
      if (!dropped && event.phase === 'uploading' && event.filesDone === 2) {
        dropped = true
        proxy.dropAll()
      }
    }
    await publishSite(f.ws, 'web', options)
    expect(dropped).toBe(true)
    expect(await readTree(remote)).toEqual(sampleSite)
  })

  it('gives up with a network error naming the file, then resumes without resending', async () => {
    const { f, remote } = await setup()
    const options = testOptions(f.siteDir, secrets)
    options.onProgress = (event) => {
      if (event.phase === 'uploading' && event.filesDone === 3) {
        proxy.setBlocked(true)
        proxy.dropAll()
      }
    }
    const error = (await publishSite(f.ws, 'web', options).catch((e: unknown) => e)) as FolioError
    expect(error).toBeInstanceOf(FolioError)
    expect(error.code).toBe('network')
    expect(error.message).toMatch(/Publish again to resume/)
    expect(Object.keys(sampleSite)).toContain(error.path)
    proxy.setBlocked(false)
    const events: PublishProgressEvent[] = []
    const report = await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets, events))
    expect(uploaded(events).length).toBeLessThanOrEqual(4)
    expect(report.added.length + report.changed.length).toBe(uploaded(events).length)
    expect(await readTree(remote)).toEqual(sampleSite)
  })

  it('refuses a wrong key with an auth error and changes nothing', async () => {
    const { f, remote } = await setup({ privateKey: server.otherKeyPath })
    const error = (await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets)).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('auth')
    expect(error.message).toMatch(/refused the login/)
    await expect(readdir(remote)).rejects.toThrow()
  })

  it('refuses a wrong password with an auth error and never shows the password', async () => {
    const { f } = await setup({ privateKey: undefined })
    const wrong = secretsFrom({ web: { password: 'not-the-password-42' } })
    const error = (await publishSite(f.ws, 'web', testOptions(f.siteDir, wrong)).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('auth')
    expect(error.message).not.toContain('not-the-password-42')
  })

  it('refuses an unknown host key unless trusted, then remembers it', async () => {
    const { f, remote } = await setup({ hostKey: undefined })
    const error = (await testConnection(f.ws, 'web', secrets).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('host-key')
    expect(error.message).toContain(server.hostKeyFingerprint)
    await expect(readdir(remote)).rejects.toThrow()

    await publishSite(f.ws, 'web', testOptions(f.siteDir, secrets, [], { trustHostKey: true }))
    expect(await readFile(join(f.ws.root, '.folio/known_hosts'), 'utf8')).toContain(
      server.hostKeyFingerprint,
    )
    const result = await testConnection(f.ws, 'web', secrets)
    expect(result.remoteFiles).toBe(7)
  })

  it('refuses a host key that does not match the pinned one', async () => {
    const { f } = await setup({
      hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    })
    const error = (await publishSite(
      f.ws,
      'web',
      testOptions(f.siteDir, secrets, [], { trustHostKey: true }),
    ).catch((e: unknown) => e)) as FolioError
    expect(error.code).toBe('host-key')
    expect(error.message).toMatch(/does not match the hostKey pinned/)
  })
})
