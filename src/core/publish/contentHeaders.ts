/**
 * The HTTP headers a published file is served with, for targets that set them (S3, Netlify):
 * its Content-Type, and a Cache-Control that lets browsers keep fingerprinted assets for a year
 * while HTML is always revalidated so a new article shows at once.
 */
import mime from 'mime'

const fingerprinted = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i

/** Content-Type for a site path; text types say they are UTF-8. */
export function contentTypeFor(path: string): string {
  const type = mime.getType(path) ?? 'application/octet-stream'
  const isText =
    type.startsWith('text/') ||
    /\/(javascript|json|xml|rss\+xml|atom\+xml|svg\+xml|manifest\+json)$/.test(type)
  return isText ? `${type}; charset=utf-8` : type
}

/** Cache-Control for a site path: immutable for fingerprinted assets, no-cache for pages and feeds. */
export function cacheControlFor(path: string): string {
  if (/\.(html?|xml|json|txt|rss|atom)$/i.test(path)) return 'public, max-age=0, must-revalidate'
  if (fingerprinted.test(path)) return 'public, max-age=31536000, immutable'
  return 'public, max-age=3600'
}
