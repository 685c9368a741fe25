import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import { FolioError } from '../../../src/core/errors'
import { publishSite, testConnection } from '../../../src/core/publish'
import { startGitHttpServer, type GitHttpServer } from '../servers/gitHttpServer'
import {
  makeFixture,
  sampleSite,
  secretsFrom,
  testOptions,
  type PublishFixture,
} from '../../unit/publish/publishFixture'

let server: GitHttpServer
let fixture: PublishFixture | undefined
let run = 0

beforeAll(async () => {
  server = await startGitHttpServer()
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  server.dropNextPushes(0)
  await fixture?.cleanup()
  fixture = undefined
})

const secrets = () => secretsFrom({ pages: { token: server.token } })

async function setup(
  extra: Record<string, unknown> = {},
): Promise<{ f: PublishFixture; repo: string }> {
  const repo = `site-${++run}.git`
  const url = await server.createRepo(repo, (extra.branch as string | undefined) ?? 'gh-pages')
  fixture = await makeFixture([{ name: 'pages', type: 'git', url, ...extra }])
  return { f: fixture, repo }
}

/** The files of a branch in the bare repo, read with system git (as a clone would see them). */
async function branchTree(repo: string, branch = 'gh-pages'): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const names = (await server.git(repo, 'ls-tree', '-r', '--name-only', branch))
    .split('\n')
    .filter(Boolean)
  for (const name of names) out[name] = await server.git(repo, 'show', `${branch}:${name}`)
  return out
}

async function commitCount(repo: string, branch = 'gh-pages'): Promise<number> {
  return Number((await server.git(repo, 'rev-list', '--count', branch)).trim())
}

/** Puts a commit with `files` on top of `branch` of the bare repo, as another tool would. */
function seedBranch(repo: string, branch: string, files: Record<string, string>): void {
  const gitDir = `--git-dir=${join(server.root, repo)}`
  const env = {
    ...process.env,
    GIT_INDEX_FILE: join(server.root, `${repo}.seed-index`),
    GIT_AUTHOR_NAME: 'x',
    GIT_AUTHOR_EMAIL: 'x@x',
    GIT_COMMITTER_NAME: 'x',
    GIT_COMMITTER_EMAIL: 'x@x',
  }
  const git = (args: string[], input?: string) =>
    execFileSync('git', [gitDir, ...args], { env, input })
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

function uploaded(events: PublishProgressEvent[]): string[] {
  return [
    ...new Set(
      events.filter((e) => e.phase === 'uploading' && e.currentFile).map((e) => e.currentFile!),
    ),
  ]
}

describe('git target against git http-backend', () => {
  it('publishes to gh-pages, then pushes nothing, then only the edit, then removes a deleted page', async () => {
    const { f, repo } = await setup()
    const first = await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    expect(first.added).toHaveLength(7)
    expect(first.location).toBe(`http://127.0.0.1:${server.port}/${repo} (branch gh-pages)`)
    expect(await branchTree(repo)).toEqual({ ...sampleSite, '.nojekyll': '' })
    expect(await commitCount(repo)).toBe(1)

    const events: PublishProgressEvent[] = []
    const second = await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets(), events))
    expect([...second.added, ...second.changed, ...second.removed]).toEqual([])
    expect(uploaded(events)).toEqual([])
    expect(await commitCount(repo)).toBe(1)

    const next: Record<string, string> = {
      ...sampleSite,
      'posts/hello/index.html': '<h1>Edited</h1>',
    }
    delete next['posts/second/index.html']
    await f.writeSite(next)
    const editEvents: PublishProgressEvent[] = []
    const third = await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets(), editEvents))
    expect(uploaded(editEvents)).toEqual(['posts/hello/index.html'])
    expect(third.removed).toEqual(['posts/second/index.html'])
    expect(await branchTree(repo)).toEqual({ ...next, '.nojekyll': '' })
    expect(await commitCount(repo)).toBe(2)
    const diff = (await server.git(repo, 'diff', '--name-only', 'gh-pages~1', 'gh-pages'))
      .split('\n')
      .filter(Boolean)
    expect(diff.sort()).toEqual(['posts/hello/index.html', 'posts/second/index.html'])
  })

  it("keeps the branch's history and its CNAME", async () => {
    const { f, repo } = await setup({ branch: 'pages' })
    seedBranch(repo, 'pages', { CNAME: 'blog.example.com\n', 'old.html': 'old' })
    await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    expect(await commitCount(repo, 'pages')).toBe(2)
    const tree = await branchTree(repo, 'pages')
    expect(tree.CNAME).toBe('blog.example.com\n')
    expect(tree['index.html']).toBe(sampleSite['index.html'])
  })

  it('puts back a page someone deleted on the branch', async () => {
    const { f, repo } = await setup()
    await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    const { ['images/cat.png']: _gone, ...rest } = await branchTree(repo)
    seedBranch(repo, 'gh-pages', rest)
    const report = await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    expect(report.added).toEqual(['images/cat.png'])
    expect(await branchTree(repo)).toEqual({ ...sampleSite, '.nojekyll': '' })
  })

  it('retries a push whose connection dropped and finishes', async () => {
    const { f, repo } = await setup()
    server.dropNextPushes(1)
    await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    expect(await branchTree(repo)).toEqual({ ...sampleSite, '.nojekyll': '' })
  })

  it('gives up with a network error when pushes keep failing, then resumes', async () => {
    const { f, repo } = await setup()
    await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    await f.writeSite({ ...sampleSite, 'index.html': 'new home' })
    server.dropNextPushes(10)
    const error = (await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets())).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error).toBeInstanceOf(FolioError)
    expect(error.code).toBe('network')
    expect((await branchTree(repo))['index.html']).toBe(sampleSite['index.html'])
    server.dropNextPushes(0)
    const report = await publishSite(f.ws, 'pages', testOptions(f.siteDir, secrets()))
    expect(report.changed).toEqual(['index.html'])
    expect((await branchTree(repo))['index.html']).toBe('new home')
    expect(await commitCount(repo)).toBe(2)
  })

  it('refuses a wrong token with an auth error, pushes nothing, and never shows the token', async () => {
    const { f, repo } = await setup()
    const wrong = secretsFrom({ pages: { token: 'ghp_wrongtoken999' } })
    const error = (await publishSite(f.ws, 'pages', testOptions(f.siteDir, wrong)).catch(
      (e: unknown) => e,
    )) as FolioError
    expect(error.code).toBe('auth')
    expect(error.message).not.toContain('ghp_wrongtoken999')
    await expect(server.git(repo, 'rev-parse', '--verify', 'gh-pages')).rejects.toThrow()
    await expect(testConnection(f.ws, 'pages', secretsFrom({}))).rejects.toMatchObject({
      code: 'auth',
    })
  })
})
