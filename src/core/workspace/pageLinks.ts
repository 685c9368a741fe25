/**
 * Links written as the URL of an article's published page rather than to its Markdown file:
 * `../old-slug/`, `/old-slug/#part`, `/old-slug/index.html`, `https://blog.example.com/old-slug/`.
 * Folio publishes every article and page at `/<slug>/` (its bundle's images beside it), so when a
 * slug changes these links must follow, or the published site would point at a page that is gone.
 */
import path from 'node:path'
import { decodeUriPart, splitTarget } from '../markdown/urlText'
import { findLinks } from './links'

/** Where the site is published: the base URL from folio.yaml, which may carry a path (`/blog/`). */
export interface SiteAddress {
  baseUrl: string
}

/** What a rename changes for the site's URLs: the old and the new slug. */
export interface SlugChange {
  from: string
  to: string
}

/** The path of the base URL (`/`, `/blog/`), or `/` when it is not a URL. */
function basePath(baseUrl: string): { origin: string; path: string } {
  try {
    const url = new URL(baseUrl)
    return { origin: url.origin, path: url.pathname.replace(/\/?$/, '/') }
  } catch (err) {
    if (err instanceof TypeError) return { origin: '', path: '/' }
    throw err
  }
}

/**
 * How many characters of `pathPart` come before the first site-root segment it names, as the
 * page at `/<pageSlug>/` reads it; null for links that do not point into the site from its root
 * (other hosts, links below the page's own folder, links that climb above the site).
 */
function rootPrefix(pathPart: string, pageSlug: string, site: SiteAddress): number | null {
  const base = basePath(site.baseUrl)
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(pathPart)) {
    const absoluteBase = base.origin + base.path
    return base.origin && pathPart.startsWith(absoluteBase) ? absoluteBase.length : null
  }
  if (pathPart.startsWith('/')) return pathPart.startsWith(base.path) ? base.path.length : 1
  // A relative link climbs from the page's folder: exactly one `../` reaches the site root.
  const climb = /^(?:\.\/)*\.\.\/(?:\.\/)*/.exec(pathPart)
  if (!climb) return null
  const resolved = path.posix.normalize(path.posix.join(pageSlug, pathPart))
  return resolved.startsWith('../') || resolved === '..' ? null : climb[0].length
}

/**
 * `text` (an article or page whose own page is at `/<pageSlug>/`) with links to the page of
 * `change.from` or to files under it pointing at `change.to` instead. The written form is kept:
 * relative stays relative, the `index.html`, the trailing slash, `?query` and `#fragment` stay.
 */
export function retargetPageLinks(
  text: string,
  pageSlug: string,
  change: SlugChange,
  site: SiteAddress,
): string {
  let out = ''
  let last = 0
  for (const link of findLinks(text)) {
    const { pathPart, suffix } = splitTarget(link.target)
    const prefix = rootPrefix(pathPart, pageSlug, site)
    if (prefix === null) continue
    const rest = pathPart.slice(prefix)
    const cut = rest.indexOf('/')
    const segment = cut === -1 ? rest : rest.slice(0, cut)
    if (decodeUriPart(segment) !== change.from) continue
    const after = cut === -1 ? '' : rest.slice(cut)
    const target = pathPart.slice(0, prefix) + encodeURIComponent(change.to) + after + suffix
    out += text.slice(last, link.start) + target
    last = link.end
  }
  return out + text.slice(last)
}
