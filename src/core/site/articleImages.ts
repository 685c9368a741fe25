/**
 * Where an article's images go in the built site. Images inside a page bundle (`posts/trip/`)
 * keep their place beside the page (`/trip/photo.png`); any other workspace image goes to
 * `/media/<workspace path>`, so one image used by two articles is copied once.
 */
import path from 'node:path'
import { decodeUriText, splitTarget } from '../markdown/urlText'

/** An image to copy into the site: from a workspace path to a site-relative path. */
export interface ImageCopy {
  /** Workspace-relative source path. */
  from: string
  /** Site-relative destination path. */
  to: string
}

/** The workspace path an image `src` written in the article at `articlePath` refers to; null if outside. */
export function imageSourcePath(articlePath: string, src: string): string | null {
  // A malformed escape is taken literally; the file check then reports it missing.
  const clean = decodeUriText(splitTarget(src).pathPart)
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(articlePath), clean))
  if (joined.startsWith('../') || joined === '..' || path.posix.isAbsolute(joined)) return null
  return joined
}

function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/')
}

/** Whether the article at `articlePath` is a page bundle (`<folder>/index.md`). */
export function isBundle(articlePath: string): boolean {
  return /(^|\/)(index|_index)\.(md|markdown|mdx)$/i.test(articlePath)
}

/**
 * The site-relative destination of workspace image `source` used by the article at
 * `articlePath` whose page is at `<slug>/`, and the URL from that page.
 */
export function imageDestination(
  articlePath: string,
  slug: string,
  source: string,
): { to: string; url: string } {
  const bundleDir = path.posix.dirname(articlePath)
  if (isBundle(articlePath) && source.startsWith(`${bundleDir}/`)) {
    const rel = source.slice(bundleDir.length + 1)
    return { to: `${slug}/${rel}`, url: encodePath(rel) }
  }
  return { to: `media/${source}`, url: `../media/${encodePath(source)}` }
}
