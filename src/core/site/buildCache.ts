/**
 * The persistent build cache in `<workspace>/.folio/cache`: what the last build was made from and
 * what it wrote, keyed by content hashes, so a rebuild renders only what changed. Losing or
 * corrupting the cache only makes the next build slower: every read falls back to "empty".
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { BuildProblem } from '../api'
import { readCacheJson, writeCacheJson } from './cacheFiles'
import { addToShards, readShardEntry, readShards, writeShards } from './cacheShards'
import type { CachedSource } from './loadSources'
import type { RelatedRecord } from './relatedSince'
import { pipelineVersion, type RenderedBody } from './renderBody'

/** Version of the parsed-sources record: the pipeline's, and the shape of `CachedSource`. */
const sourcesVersion = `${pipelineVersion}/sources-2`

/** What a later build needs to know about a body without reading its HTML. */
export interface BodyMeta {
  images: RenderedBody['images']
  hasMath: boolean
  /** Hrefs in the body that point into the site (article links to check and rewrite). */
  links: string[]
}

/** The small record of the last build, read on every build. */
export interface BuildState {
  version: string
  /** The key of everything the last build was made from; equal key, equal site. */
  quickKey: string
  /** First moment a scheduled article goes live (ms), when the site would change by itself. */
  nextChange: number | null
  /** Absolute output folder the manifest describes. */
  outDir: string
  /** Site file → key of the inputs it was written from. */
  files: Record<string, string>
  pages: number
  problems: BuildProblem[]
  /** Workspace images the site uses (for the quick key). */
  images: string[]
}

// NOTE: what this reads is shared with later reads (see `readCacheJson`): never change it.
async function readJson<T>(file: string, keep = true): Promise<T | null> {
  return (await readCacheJson(file, keep)) as T | null
}

/** The cache folder of one workspace; every method is safe to call when the folder is missing. */
export class BuildCache {
  private bodyMeta: Record<string, BodyMeta> = {}
  private texts: Map<string, string> | null = null
  private readonly newBodies = new Map<string, RenderedBody>()
  private readonly newTexts = new Map<string, string>()

  private constructor(readonly dir: string | null) {}

  /** Opens the cache in `dir` (absolute), loading its body index; null keeps it in memory only. */
  static async open(dir: string | null): Promise<BuildCache> {
    const cache = new BuildCache(dir)
    if (dir === null) return cache
    const meta = await readJson<{ version: string; bodies: Record<string, BodyMeta> }>(
      path.join(dir, 'bodies.json'),
    )
    // A copy: `put` adds to it, and the file's value is shared with later reads.
    if (meta?.version === pipelineVersion) cache.bodyMeta = { ...meta.bodies }
    return cache
  }

  /** The state of the last build, or null when there is none (or it is from another version). */
  static async readState(dir: string): Promise<BuildState | null> {
    return BuildCache.current(await BuildCache.readRecord(dir))
  }

  /**
   * The state the last build recorded, whatever pipeline version wrote it: its output folder is
   * one Folio built, even from before builds left their marker.
   */
  static async readRecord(dir: string): Promise<BuildState | null> {
    return readJson<BuildState>(path.join(dir, 'build.json'))
  }

  /** `record` when this pipeline version can build on it, else null. */
  static current(record: BuildState | null): BuildState | null {
    return record?.version === pipelineVersion ? record : null
  }

  /** Forgets the last build's state, before an output folder is changed in place. */
  static async clearState(dir: string): Promise<void> {
    await fs.rm(path.join(dir, 'build.json'), { force: true })
  }

  /** Records the state of a finished build. */
  static async writeState(dir: string, state: BuildState): Promise<void> {
    await writeCacheJson(path.join(dir, 'build.json'), state)
  }

  /** The parsed sources of the last build, by workspace path. */
  static async readSources(dir: string): Promise<Map<string, CachedSource>> {
    return readShards<CachedSource>(dir, 'sources', sourcesVersion)
  }

  /**
   * Remembers the parsed sources for the next build, rewriting only the shards where an entry
   * differs from `before` (what `readSources` gave) or was added or removed.
   */
  static async writeSources(
    dir: string,
    sources: Map<string, CachedSource>,
    before: Map<string, CachedSource>,
  ): Promise<void> {
    const dirty = [...sources.keys()].filter((rel) => before.get(rel) !== sources.get(rel))
    for (const rel of before.keys()) if (!sources.has(rel)) dirty.push(rel)
    await writeShards(dir, 'sources', sourcesVersion, sources, dirty)
  }

  /** The related articles of the last build, or null when there are none to reuse. */
  static async readRelated(dir: string): Promise<RelatedRecord | null> {
    const data = await readJson<{ version: string; record: RelatedRecord }>(
      path.join(dir, 'related.json'),
    )
    return data?.version === pipelineVersion ? data.record : null
  }

  /** Remembers this build's related articles for the next build. */
  static async writeRelated(dir: string, record: RelatedRecord): Promise<void> {
    await writeCacheJson(path.join(dir, 'related.json'), { version: pipelineVersion, record })
  }

  /** What is known about the body with `key`, if it was rendered before. */
  meta(key: string): BodyMeta | undefined {
    return Object.hasOwn(this.bodyMeta, key) ? this.bodyMeta[key] : undefined
  }

  /** The rendered body with `key`; null when its shard lost it (the caller renders it again). */
  async body(key: string): Promise<RenderedBody | null> {
    const fresh = this.newBodies.get(key)
    if (fresh || this.dir === null) return fresh ?? null
    return (await readShardEntry<RenderedBody>(this.dir, 'bodies', pipelineVersion, key)) ?? null
  }

  /** Adds a freshly rendered body and its search text. */
  put(key: string, body: RenderedBody, meta: BodyMeta, text: string): void {
    this.newBodies.set(key, body)
    this.bodyMeta[key] = meta
    this.newTexts.set(key, text)
  }

  /** Remembers the search text of a stored body whose text the cache had lost. */
  putText(key: string, text: string): void {
    this.newTexts.set(key, text)
  }

  /** The search text of each body in `keys`, from this build or the stored ones. */
  async textsOf(keys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    const missing = keys.filter((key) => !this.newTexts.has(key))
    if (missing.length && this.texts === null && this.dir !== null) {
      this.texts = await readShards<string>(this.dir, 'texts', pipelineVersion)
    }
    for (const key of keys) {
      const text = this.newTexts.get(key) ?? this.texts?.get(key)
      if (text !== undefined) out.set(key, text)
    }
    return out
  }

  /** Writes what this build added, keeping only the bodies in `live` (the others are gone). */
  async save(live: Set<string>): Promise<void> {
    const dir = this.dir
    if (dir === null) return
    // NOTE: bodies that are no longer live are dropped from the shards this build rewrites.
    await addToShards(dir, 'bodies', pipelineVersion, this.newBodies, (key) => live.has(key))
    const bodies: Record<string, BodyMeta> = {}
    for (const key of live) if (this.meta(key)) bodies[key] = this.bodyMeta[key]
    await writeCacheJson(path.join(dir, 'bodies.json'), { version: pipelineVersion, bodies })
    if (this.newTexts.size) {
      // NOTE: loads every stored text first, so shards keep the texts of unchanged bodies.
      const all = await this.textsOf([...live])
      const dirty = [...this.newTexts.keys()]
      for (const key of this.texts?.keys() ?? []) if (!all.has(key)) dirty.push(key)
      await writeShards(dir, 'texts', pipelineVersion, all, dirty)
    }
  }
}
