import { afterEach, describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/core/publish'
import { startNetlifyFake } from '../servers/netlifyFake'
import { useServer } from '../servers/useServer'
import { sampleSite, secretsFrom, usePublishFixtures } from '../../unit/publish/publishFixture'
import {
  failureOf,
  publishesOnlyWhatChanged,
  publishTo,
  refusesCredentials,
  type TargetUnderTest,
} from './publishScenarios'

const env = useServer(startNetlifyFake)
const makeFixture = usePublishFixtures()

afterEach(() => {
  env.server.dropNextUploads(0)
})

/** Every deployment is the one live site; `remote` is what was live when the test began. */
const netlify: TargetUnderTest<Record<string, string>> = {
  name: 'live',
  secrets: () => secretsFrom({ live: { token: env.server.token } }),
  async setup() {
    const { siteId, apiUrl } = env.server
    const f = await makeFixture([{ name: 'live', type: 'netlify', siteId, apiUrl }])
    return { f, remote: env.server.liveFiles() }
  },
  readRemote: async () => env.server.liveFiles(),
  async expectNothingPublished(before) {
    expect(env.server.liveFiles()).toEqual(before)
  },
  uploadLog: () => env.server.uploads,
}

// One fake serves every test in order: each builds on the site the previous one left live.
describe('netlify target against a local deploy API', () => {
  it('deploys the site, then nothing, then only the edit, then drops a deleted page', () =>
    publishesOnlyWhatChanged(netlify))

  it('uploads only contents Netlify lacks, even without a manifest', async () => {
    const { f } = await netlify.setup()
    await f.writeSite({ ...sampleSite, 'new.html': 'brand new' })
    const { report, uploaded } = await publishTo(netlify, f)
    expect(report.added.length).toBeGreaterThan(1)
    // posts/second left the live site in the test before, but Netlify still holds its content.
    expect(uploaded).toEqual(['new.html'])
    expect(env.server.liveFiles()).toEqual({ ...sampleSite, 'new.html': 'brand new' })
  })

  it('retries an upload whose connection dropped, and resumes after giving up', async () => {
    const fake = env.server
    const { f } = await netlify.setup()
    await f.writeSite({ ...sampleSite, 'a.html': 'A1', 'b.html': 'B1' })
    fake.dropNextUploads(1)
    await publishTo(netlify, f)
    expect(fake.liveFiles()['b.html']).toBe('B1')

    await f.writeSite({ ...sampleSite, 'a.html': 'A2', 'b.html': 'B2' })
    fake.dropNextUploads(100)
    const error = await failureOf(publishTo(netlify, f))
    expect(error.code).toBe('network')
    expect(fake.liveFiles()['a.html']).toBe('A1')
    fake.dropNextUploads(0)
    await publishTo(netlify, f)
    expect(fake.liveFiles()['a.html']).toBe('A2')
    expect(fake.liveFiles()['b.html']).toBe('B2')
  })

  it('refuses a wrong token with an auth error and deploys nothing', async () => {
    const wrong = secretsFrom({ live: { token: 'nfp_wrong_555' } })
    const { f, remote: before } = await refusesCredentials(netlify, {
      secrets: wrong,
      secret: 'nfp_wrong_555',
    })
    await expect(testConnection(f.ws, 'live', wrong)).rejects.toMatchObject({ code: 'auth' })
    expect((await testConnection(f.ws, 'live', netlify.secrets())).remoteFiles).toBe(
      Object.keys(before).length,
    )
  })
})
