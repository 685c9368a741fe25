/**
 * Large cache records (parsed sources, search texts, rendered bodies) kept as 16 JSON shards, so
 * a build that changed one article rewrites one shard instead of megabytes, and a first build
 * writes 16 files instead of one per article. A torn or foreign shard reads as empty, which only
 * makes the next build do more work.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { readCacheJson, writeCacheJson } from './cacheFiles'

const shardCount = 16

/** The shard (0–15) an entry with `key` is stored in. */
export function shardOf(key: string): number {
  return createHash('sha1').update(key).digest()[0] % shardCount
}

function shardFile(dir: string, name: string, shard: number): string {
  return path.join(dir, name, `${shard.toString(16)}.json`)
}

async function readShard<T>(file: string, version: string): Promise<[string, T][]> {
  const data = (await readCacheJson(file)) as { version?: string; entries?: [string, T][] } | null
  return data?.version === version && Array.isArray(data.entries) ? data.entries : []
}

/** Every entry of the sharded record `name` in `dir` written with `version`. */
export async function readShards<T>(
  dir: string,
  name: string,
  version: string,
): Promise<Map<string, T>> {
  const shards = await Promise.all(
    Array.from({ length: shardCount }, (_, i) => readShard<T>(shardFile(dir, name, i), version)),
  )
  return new Map(shards.flat())
}

/**
 * Writes the shards of record `name` holding a key of `dirty` (changed, added or removed
 * entries), each with all of its entries in `entries`.
 */
export async function writeShards<T>(
  dir: string,
  name: string,
  version: string,
  entries: Map<string, T>,
  dirty: Iterable<string>,
): Promise<void> {
  const shards = new Set<number>()
  for (const key of dirty) shards.add(shardOf(key))
  if (shards.size === 0) return
  const content = new Map<number, [string, T][]>([...shards].map((shard) => [shard, []]))
  for (const entry of entries) content.get(shardOf(entry[0]))?.push(entry)
  await Promise.all(
    [...content].map(([shard, list]) =>
      writeCacheJson(shardFile(dir, name, shard), { version, entries: list }),
    ),
  )
}

/** The entry `key` of the sharded record `name` in `dir`, reading only the shard that holds it. */
export async function readShardEntry<T>(
  dir: string,
  name: string,
  version: string,
  key: string,
): Promise<T | undefined> {
  const entries = await readShard<T>(shardFile(dir, name, shardOf(key)), version)
  return entries.find((entry) => entry[0] === key)?.[1]
}

/**
 * Adds `added` to the sharded record `name`, rewriting only the shards that receive an entry;
 * the entries already in those shards stay when `keep` says so (the others are dropped).
 */
export async function addToShards<T>(
  dir: string,
  name: string,
  version: string,
  added: Map<string, T>,
  keep: (key: string) => boolean,
): Promise<void> {
  const content = new Map<number, [string, T][]>()
  for (const entry of added) {
    const shard = shardOf(entry[0])
    const list = content.get(shard)
    if (list) list.push(entry)
    else content.set(shard, [entry])
  }
  await Promise.all(
    [...content].map(async ([shard, list]) => {
      const file = shardFile(dir, name, shard)
      const old = (await readShard<T>(file, version)).filter(
        ([key]) => !added.has(key) && keep(key),
      )
      await writeCacheJson(file, { version, entries: [...old, ...list] })
    }),
  )
}
