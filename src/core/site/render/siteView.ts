import { routes, rootFrom } from './routes'
import type { LinkView, SiteInput, SiteView } from './viewTypes'

/** A static page as the navigation sees it. */
export interface NavPage {
  title: string
  slug: string
}

/** Options for the site view of one page. */
export interface SiteViewOptions {
  /** The page's own site-relative route; decides the relative prefix of every link. */
  route: string
  /** Static pages, linked from the navigation unless the theme settings list `nav` links. */
  pages?: NavPage[]
  /** Theme CSS to inline (the preview); links `assets/style.css` when absent. */
  inlineCss?: string
  /** Links resolve from the site root given as an absolute path (the 404 page, served anywhere). */
  absoluteRoot?: boolean
  now?: Date
}

function isExternal(url: string): boolean {
  return /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)
}

function sitePath(baseUrl: string): string {
  try {
    const path = new URL(baseUrl).pathname
    return path.endsWith('/') ? path : `${path}/`
  } catch (err) {
    // A base URL that is not a URL: links are built from the domain root.
    if (!(err instanceof TypeError)) throw err
    return '/'
  }
}

function navLinks(site: SiteInput, root: string, pages: NavPage[]): LinkView[] {
  const configured = site.themeSettings?.nav
  if (Array.isArray(configured)) {
    return configured.flatMap((entry): LinkView[] => {
      const item = entry as { title?: unknown; url?: unknown }
      if (typeof item.title !== 'string' || typeof item.url !== 'string') return []
      const url = isExternal(item.url) ? item.url : root + item.url.replace(/^\//, '')
      return [{ title: item.title, url }]
    })
  }
  return [
    { title: 'Home', url: root },
    { title: 'Archive', url: root + routes.archive() },
    ...pages.map((page) => ({
      title: page.title,
      url: root + routes.article(page.slug),
    })),
    { title: 'Search', url: root + routes.search() },
  ]
}

/** The `site` object templates see on the page at `options.route`. */
export function siteView(site: SiteInput, options: SiteViewOptions): SiteView {
  const root = options.absoluteRoot ? sitePath(site.baseUrl) : rootFrom(options.route)
  return {
    title: site.title,
    description: site.description,
    author: site.author,
    language: site.language || 'en',
    baseUrl: site.baseUrl,
    root,
    assets: root + routes.assets(),
    inlineCss: options.inlineCss ?? '',
    preview: options.inlineCss !== undefined,
    settings: site.themeSettings ?? {},
    nav: navLinks(site, root, options.pages ?? []),
    year: (options.now ?? new Date()).getUTCFullYear(),
    home: root,
    rss: root + routes.rss(),
    atom: root + routes.atom(),
    jsonFeed: root + routes.jsonFeed(),
    search: root + routes.search(),
    searchIndex: root + routes.searchIndex(),
    archive: root + routes.archive(),
    tags: root + routes.tags(),
  }
}
