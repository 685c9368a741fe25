import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/core/publish'
import { startGitHttpServer } from '../servers/gitHttpServer'
import { useServer } from '../servers/useServer'
import { sampleSite, secretsFrom, usePublishFixtures } from '../../unit/publish/publishFixture'
import {
  failureOf,
  publishesOnlyWhatChanged,
  publishTo,
  refusesCredentials,
  restoresRemovedFile,
  type TargetUnderTest,
} from './publishScenarios'

const env = useServer(startGitHttpServer)
const makeFixture = usePublishFixtures()
let run = 0

afterEach(() => {
  env.server.dropNextPushes(0)
})

/** The files of a branch in the bare repo, read with system git (as a clone would see them). */
async function branchTree(repo: string, branch = 'gh-pages'): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const names = (await env.server.git(repo, 'ls-tree', '-r', '--name-only', branch))
    .split('\n')
    .filter(Boolean)
  for (const name of names) out[name] = await env.server.git(repo, 'show', `${branch}:${name}`)
  return out
}

async function commitCount(repo: string, branch = 'gh-pages'): Promise<number> {
  return Number((await env.server.git(repo, 'rev-list', '--count', branch)).trim())
}

/** Puts a commit with `files` on top of `branch` of the bare repo, as another tool would. */
function seedBranch(repo: string, branch: string, files: Record<string, string>): void {
  const gitDir = `--git-dir=${join(env.server.root, repo)}`
  const gitEnv = {
    ...process.env,
    GIT_INDEX_FILE: join(env.server.root, `${repo}.seed-index`),
    GIT_AUTHOR_NAME: 'x',
    GIT_AUTHOR_EMAIL: 'x@x',
    GIT_COMMITTER_NAME: 'x',
    GIT_COMMITTER_EMAIL: 'x@x',
  }
  const git = (args: string[], input?: string) =>
    execFileSync('git', [gitDir, ...args], { env: gitEnv, input })
      .toString()
      .trim()
  git(['read-tree', '--empty'])
  for (const [path, text] of Object.entries(files)) {
    const oid = git(['hash-object', '-w', '--stdin'], text)
    git(['update-index', '--add', '--cacheinfo', `100644,${oid},${path}`])
  }
  const tree = git(['write-tree'])
  const head = git(['for-each-ref', '--format=%(objectname)', `refs/heads/${branch}`])
  const parent = head ? ['-p', head] : []
  const commit = git(['commit-tree', tree, ...parent, '-m', 'seed'])
  git(['update-ref', `refs/heads/${branch}`, commit])
}

const ghPages: TargetUnderTest<string> = {
  name: 'pages',
  secrets: () => secretsFrom({ pages: { token: env.server.token } }),
  async setup(extra = {}) {
    const repo = `site-${++run}.git`
    const branch = (extra.branch as string | undefined) ?? 'gh-pages'
    const url = await env.server.createRepo(repo, branch)
    const f = await makeFixture([{ name: 'pages', type: 'git', url, ...extra }])
    return { f, remote: repo }
  },
  readRemote: (repo) => branchTree(repo),
  async expectNothingPublished(repo) {
    await expect(env.server.git(repo, 'rev-parse', '--verify', 'gh-pages')).rejects.toThrow()
  },
  remoteExtras: { '.nojekyll': '' },
  location: (repo) => `http://127.0.0.1:${env.server.port}/${repo} (branch gh-pages)`,
}

describe('git target against git http-backend', () => {
  it('publishes to gh-pages, then pushes nothing, then only the edit, then removes a deleted page', () =>
    publishesOnlyWhatChanged(ghPages, {
      afterFirst: async (repo) => expect(await commitCount(repo)).toBe(1),
      afterUnchanged: async (repo) => expect(await commitCount(repo)).toBe(1),
      async afterEdit(repo) {
        expect(await commitCount(repo)).toBe(2)
        const diff = (await env.server.git(repo, 'diff', '--name-only', 'gh-pages~1', 'gh-pages'))
          .split('\n')
          .filter(Boolean)
        expect(diff.sort()).toEqual(['posts/hello/index.html', 'posts/second/index.html'])
      },
    }))

  it("keeps the branch's history and its CNAME", async () => {
    const { f, remote: repo } = await ghPages.setup({ branch: 'pages' })
    seedBranch(repo, 'pages', { CNAME: 'blog.example.com\n', 'old.html': 'old' })
    await publishTo(ghPages, f)
    expect(await commitCount(repo, 'pages')).toBe(2)
    const tree = await branchTree(repo, 'pages')
    expect(tree.CNAME).toBe('blog.example.com\n')
    expect(tree['index.html']).toBe(sampleSite['index.html'])
  })

  it('puts back a page someone deleted on the branch', () =>
    restoresRemovedFile(ghPages, async (repo, path) => {
      const { [path]: _gone, ...rest } = await branchTree(repo)
      seedBranch(repo, 'gh-pages', rest)
    }))

  it('retries a push whose connection dropped and finishes', async () => {
    const { f, remote: repo } = await ghPages.setup()
    env.server.dropNextPushes(1)
    await publishTo(ghPages, f)
    expect(await branchTree(repo)).toEqual({ ...sampleSite, '.nojekyll': '' })
  })

  it('gives up with a network error when pushes keep failing, then resumes', async () => {
    const { f, remote: repo } = await ghPages.setup()
    await publishTo(ghPages, f)
    await f.writeSite({ ...sampleSite, 'index.html': 'new home' })
    env.server.dropNextPushes(10)
    const error = await failureOf(publishTo(ghPages, f))
    expect(error.code).toBe('network')
    expect((await branchTree(repo))['index.html']).toBe(sampleSite['index.html'])
    env.server.dropNextPushes(0)
    const { report } = await publishTo(ghPages, f)
    expect(report.changed).toEqual(['index.html'])
    expect((await branchTree(repo))['index.html']).toBe('new home')
    expect(await commitCount(repo)).toBe(2)
  })

  it('refuses a wrong token with an auth error, pushes nothing, and never shows the token', async () => {
    const { f } = await refusesCredentials(ghPages, {
      secrets: secretsFrom({ pages: { token: 'ghp_wrongtoken999' } }),
      secret: 'ghp_wrongtoken999',
    })
    await expect(testConnection(f.ws, 'pages', secretsFrom({}))).rejects.toMatchObject({
      code: 'auth',
    })
  })
})
