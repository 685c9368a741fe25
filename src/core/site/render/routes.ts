/**
 * Where each page of the built site lives, as site-relative paths without a leading slash
 * (`hello/`, `tags/travel/`). Pretty URLs: every page is a folder with an index.html.
 */

// The tag pages slugify every tag of every article on every build; a blog has few distinct tags.
const slugs = new Map<string, string>()

/** A URL-safe slug of a tag or author name: lower case, letters and digits joined by hyphens. */
export function slugify(name: string): string {
  let slug = slugs.get(name)
  if (slug === undefined) {
    slug =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu)
        ?.join('-') ?? ''
    if (slugs.size >= 50_000) slugs.clear()
    slugs.set(name, slug)
  }
  return slug
}

/** Site-relative routes of every kind of page Folio builds. */
export const routes = {
  home: (): string => '',
  indexPage: (n: number): string => (n <= 1 ? '' : `page/${n}/`),
  article: (slug: string): string => `${slug}/`,
  tag: (tag: string): string => `tags/${slugify(tag) || 'tag'}/`,
  tags: (): string => 'tags/',
  author: (author: string): string => `authors/${slugify(author) || 'author'}/`,
  archive: (): string => 'archive/',
  search: (): string => 'search/',
  rss: (): string => 'feed.xml',
  atom: (): string => 'atom.xml',
  jsonFeed: (): string => 'feed.json',
  searchIndex: (): string => 'search.json',
  assets: (): string => 'assets/',
}

/** The file a route is written to: `hello/` → `hello/index.html`, `feed.xml` → `feed.xml`. */
export function routeFile(route: string): string {
  return route === '' || route.endsWith('/') ? `${route}index.html` : route
}

/** The relative prefix from a page at `route` back to the site root: '' → './', `a/b/` → '../../'. */
export function rootFrom(route: string): string {
  const depth = route.split('/').length - 1
  return depth === 0 ? './' : '../'.repeat(depth)
}

// Every build puts every page's absolute URL in the sitemap; parsing each URL again costs more
// than remembering it.
const absoluteUrls = new Map<string, string>()

/** The absolute URL of a site-relative route under `baseUrl` (which may have a path). */
export function absoluteUrl(baseUrl: string, route: string): string {
  const key = `${baseUrl}\n${route}`
  let url = absoluteUrls.get(key)
  if (url === undefined) {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
    url = new URL(route, base).toString()
    if (absoluteUrls.size >= 50_000) absoluteUrls.clear()
    absoluteUrls.set(key, url)
  }
  return url
}
