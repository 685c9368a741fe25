/**
 * A throwaway workspace and built site for publish tests: real folders under the OS temp dir.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import type { PublishTargetConfig, Workspace } from '../../../src/core/workspace'
import type { PublishOptions, SecretSource } from '../../../src/core/publish'

/** The sample site: an asset, pages at several depths, a feed. */
export const sampleSite: Record<string, string> = {
  'index.html': '<h1>Home</h1><a href="/posts/hello/">Hello</a>',
  'posts/hello/index.html': '<h1>Hello</h1><img src="/images/cat.png">',
  'posts/second/index.html': '<h1>Second</h1>',
  'images/cat.png': 'PNG-not-really-' + 'x'.repeat(3000),
  'assets/site.3f9a1c2b7d.css': 'body{color:#222}',
  'feed.xml': '<rss><item>Hello</item></rss>',
  'sitemap.xml': '<urlset></urlset>',
}

/** A temp root holding `ws/` (the workspace) and `site/` (a build); `cleanup` removes it. */
export interface PublishFixture {
  dir: string
  ws: Workspace
  siteDir: string
  writeSite(files: Record<string, string>): Promise<void>
  cleanup(): Promise<void>
}

/** Makes a workspace whose folio.yaml holds `targets`, and writes `files` as its built site. */
export async function makeFixture(
  targets: PublishTargetConfig[],
  files: Record<string, string> = sampleSite,
): Promise<PublishFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-publish-'))
  const root = join(dir, 'ws')
  const siteDir = join(dir, 'site')
  await mkdir(root, { recursive: true })
  const ws = {
    root,
    layout: 'folio',
    contentDir: 'posts',
    articleDirs: ['posts'],
    draftDirs: [],
    pagesDir: null,
    configFile: 'folio.yaml',
    config: {
      title: 'Test blog',
      baseUrl: 'https://blog.example.com/',
      language: 'en',
      author: 'Jane',
      description: '',
      publish: targets,
      theme: 'default',
      pageSize: 10,
      themeSettings: {},
      raw: {},
    },
  } as unknown as Workspace
  const fixture: PublishFixture = {
    dir,
    ws,
    siteDir,
    async writeSite(next) {
      await rm(siteDir, { recursive: true, force: true })
      await writeFiles(siteDir, next)
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
  await fixture.writeSite(files)
  return fixture
}

/**
 * Registers an `afterEach` that removes every fixture made through the returned function during
 * the test, so each test starts from a clean temp folder; call it once at a test file's top level.
 */
export function usePublishFixtures(): typeof makeFixture {
  const made: PublishFixture[] = []
  afterEach(async () => {
    for (const fixture of made.splice(0)) await fixture.cleanup()
  })
  return async (targets, files) => {
    const fixture = await makeFixture(targets, files)
    made.push(fixture)
    return fixture
  }
}

/** Writes files (relative path -> text) under `root`. */
export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
}

/** Reads every file under `root` as text, by relative path; skips names in `ignore`. */
export async function readTree(
  root: string,
  ignore: string[] = [],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  async function walk(rel: string): Promise<void> {
    for (const entry of await readdir(join(root, rel), {
      withFileTypes: true,
    })) {
      if (ignore.includes(entry.name)) continue
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(child)
      else out[child] = await readFile(join(root, child), 'utf8')
    }
  }
  await walk('')
  return out
}

/** A SecretSource backed by a plain object: `{ target: { key: value } }`. */
export function secretsFrom(values: Record<string, Record<string, string>>): SecretSource {
  return async (target, key) => values[target]?.[key]
}

/** The distinct files that `uploading` progress events name, in the order they were first sent. */
export function uploadedFiles(events: PublishProgressEvent[]): string[] {
  return [
    ...new Set(
      events.filter((e) => e.phase === 'uploading' && e.currentFile).map((e) => e.currentFile!),
    ),
  ]
}

/** Publish options with fast retries, collecting progress events into `events`. */
export function testOptions(
  siteDir: string,
  secrets: SecretSource,
  events: PublishProgressEvent[] = [],
  extra: Partial<PublishOptions> = {},
): PublishOptions {
  return {
    siteDir,
    secrets,
    onProgress: (event) => events.push(event),
    retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
    ...extra,
  }
}
