import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FolioError } from '../../../src/core/errors'
import { publishSite, testConnection } from '../../../src/core/publish'
import { startNetlifyFake, type NetlifyFake } from '../servers/netlifyFake'
import {
  makeFixture,
  sampleSite,
  secretsFrom,
  testOptions,
  type PublishFixture,
} from '../../unit/publish/publishFixture'

let fake: NetlifyFake
let fixture: PublishFixture | undefined

beforeAll(async () => {
  fake = await startNetlifyFake()
})
afterAll(async () => {
  await fake?.stop()
})
afterEach(async () => {
  fake.dropNextUploads(0)
  await fixture?.cleanup()
  fixture = undefined
})

const secrets = () => secretsFrom({ live: { token: fake.token } })

async function setup(): Promise<PublishFixture> {
  fixture = await makeFixture([
    { name: 'live', type: 'netlify', siteId: fake.siteId, apiUrl: fake.apiUrl },
  ])
  return fixture
}

function uploadsSince(start: number): string[] {
  return fake.uploads.slice(start).sort()
}

// One fake serves every test in order: each builds on the site the previous one left live.
describe('netlify target against a local deploy API', () => {
  it('deploys the site, then nothing, then only the edit, then drops a deleted page', async () => {
    const f = await setup()
    let mark = fake.uploads.length
    const first = await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets()))
    expect(first.added).toHaveLength(7)
    expect(uploadsSince(mark)).toEqual(Object.keys(sampleSite).sort())
    expect(fake.liveFiles()).toEqual(sampleSite)

    mark = fake.uploads.length
    const second = await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets()))
    expect([...second.added, ...second.changed, ...second.removed]).toEqual([])
    expect(uploadsSince(mark)).toEqual([])

    const next: Record<string, string> = {
      ...sampleSite,
      'posts/hello/index.html': '<h1>Edited</h1>',
    }
    delete next['posts/second/index.html']
    await f.writeSite(next)
    mark = fake.uploads.length
    const third = await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets()))
    expect(uploadsSince(mark)).toEqual(['posts/hello/index.html'])
    expect(third.removed).toEqual(['posts/second/index.html'])
    expect(fake.liveFiles()).toEqual(next)
  })

  it('uploads only contents Netlify lacks, even without a manifest', async () => {
    const f = await setup()
    const mark = fake.uploads.length
    await f.writeSite({ ...sampleSite, 'new.html': 'brand new' })
    const report = await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets()))
    expect(report.added.length).toBeGreaterThan(1)
    // posts/second left the live site in the test before, but Netlify still holds its content.
    expect(uploadsSince(mark)).toEqual(['new.html'])
    expect(fake.liveFiles()).toEqual({ ...sampleSite, 'new.html': 'brand new' })
  })

  it('retries an upload whose connection dropped, and resumes after giving up', async () => {
    const f = await setup()
    await f.writeSite({ ...sampleSite, 'a.html': 'A1', 'b.html': 'B1' })
    fake.dropNextUploads(1)
    await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets()))
    expect(fake.liveFiles()['b.html']).toBe('B1')

    await f.writeSite({ ...sampleSite, 'a.html': 'A2', 'b.html': 'B2' })
    fake.dropNextUploads(100)
    const error = (await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets())).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error).toBeInstanceOf(FolioError)
    expect(error.code).toBe('network')
    expect(fake.liveFiles()['a.html']).toBe('A1')
    fake.dropNextUploads(0)
    await publishSite(f.ws, 'live', testOptions(f.siteDir, secrets()))
    expect(fake.liveFiles()['a.html']).toBe('A2')
    expect(fake.liveFiles()['b.html']).toBe('B2')
  })

  it('refuses a wrong token with an auth error and deploys nothing', async () => {
    const f = await setup()
    const before = fake.liveFiles()
    const wrong = secretsFrom({ live: { token: 'nfp_wrong_555' } })
    const error = (await publishSite(f.ws, 'live', testOptions(f.siteDir, wrong)).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('auth')
    expect(error.message).not.toContain('nfp_wrong_555')
    expect(fake.liveFiles()).toEqual(before)
    await expect(testConnection(f.ws, 'live', wrong)).rejects.toMatchObject({ code: 'auth' })
    expect((await testConnection(f.ws, 'live', secrets())).remoteFiles).toBe(
      Object.keys(before).length,
    )
  })
})
