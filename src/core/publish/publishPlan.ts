/**
 * The diff between the built site and what is on a target, and the order that keeps the live site
 * whole: assets first, then pages (deepest first, so the home page links only to pages that exist),
 * then feeds and sitemaps, then removals.
 */
import type { LocalFile } from './localFiles'
import type { Manifest, ManifestEntry } from './manifest'
import type { RemoteEntry, RemoteListing } from './publishTarget'

/** What a publish will do. `baseline` is the manifest corrected by what the remote listing showed. */
export interface PublishPlan {
  /** In upload order. */
  uploads: LocalFile[]
  added: string[]
  changed: string[]
  removed: string[]
  baseline: Manifest
}

const feedName =
  /(^|\/)(sitemap[^/]*\.xml|feed\.xml|atom\.xml|rss\.xml|feed\.json|[^/]+\.rss|[^/]+\.atom|robots\.txt)$/i

/** Upload phase of a path: 0 assets, 1 HTML pages, 2 feeds and sitemaps. */
export function uploadPhase(path: string): 0 | 1 | 2 {
  if (feedName.test(path)) return 2
  if (/\.html?$/i.test(path)) return 1
  return 0
}

function uploadOrder(a: LocalFile, b: LocalFile): number {
  const phase = uploadPhase(a.path) - uploadPhase(b.path)
  if (phase !== 0) return phase
  const depth = b.path.split('/').length - a.path.split('/').length
  if (depth !== 0) return depth
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/**
 * The content hash now on the remote: undefined when the file is absent, '' when it is there but
 * unknown (changed by someone else, or never recorded), so it gets uploaded again.
 */
function remoteHash(
  previous: ManifestEntry | undefined,
  remote: RemoteEntry | undefined,
): string | undefined {
  if (!remote) return undefined
  if (remote.hash !== undefined) return remote.hash
  if (!previous) return ''
  if (previous.remote !== undefined && remote.tag !== undefined) {
    return previous.remote === remote.tag ? previous.hash : ''
  }
  return remote.size === undefined || remote.size === previous.size ? previous.hash : ''
}

/**
 * Compares the site with the previous manifest and, when the target could list itself, with the
 * remote. Files Folio never published are left alone; files it published and the site no longer has
 * are removed.
 */
export function planPublish(
  site: LocalFile[],
  previous: Manifest,
  listing: RemoteListing | null,
): PublishPlan {
  const baseline: Manifest = new Map()
  for (const [path, entry] of previous) {
    if (!listing) baseline.set(path, entry)
    else if (listing.has(path)) {
      const hash = remoteHash(entry, listing.get(path))
      baseline.set(path, { ...entry, hash: hash ?? '' })
    }
  }
  const uploads: LocalFile[] = []
  const added: string[] = []
  const changed: string[] = []
  const sitePaths = new Set<string>()
  for (const file of site) {
    sitePaths.add(file.path)
    const current = listing
      ? remoteHash(previous.get(file.path), listing.get(file.path))
      : previous.get(file.path)?.hash
    if (current === file.hash) continue
    uploads.push(file)
    if (current === undefined) added.push(file.path)
    else changed.push(file.path)
  }
  const removed = [...baseline.keys()].filter((path) => !sitePaths.has(path)).sort()
  uploads.sort(uploadOrder)
  return { uploads, added, changed, removed, baseline }
}
