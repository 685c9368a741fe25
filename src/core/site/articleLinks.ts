/**
 * Links between articles: a relative link to another article's Markdown file (`../trip/index.md`,
 * `other.md#part`) becomes the URL of that article's page, and a link to an article that does not
 * exist (or a site path that no page has) is a build problem with the file and line.
 */
import path from 'node:path'
import { routes } from './render/routes'
import { decodeUriText } from '../markdown/urlText'

const articleFile = /\.(md|markdown|mdx)$/i

function decodeEntities(value: string): string {
  return value.replace(/&#x26;|&amp;/g, '&')
}

/** The hrefs of `<a>` elements in rendered `html` that point into the site (not elsewhere). */
export function siteLinks(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
    const href = decodeEntities(match[1])
    if (href === '' || /^([a-z][a-z0-9+.-]*:|\/\/|#|\?)/i.test(href)) continue
    if (href.startsWith('/') || articleFile.test(href.split(/[?#]/)[0])) found.add(href)
  }
  return [...found]
}

/** How the links of one article resolved: rewrites for its HTML, site paths to check, problems. */
export interface ResolvedLinks {
  /** href as written → URL of the linked page from the article's page. */
  rewrites: Record<string, string>
  /** Root-absolute hrefs and the site file each must match, checked once every page is known. */
  sitePaths: { href: string; file: string }[]
  /** Links to articles that do not exist (or are not published). */
  missing: { href: string; looked: string }[]
}

/**
 * Resolves `links` (from `siteLinks`) of the article at `articlePath` whose page has root prefix
 * `root`, against `slugByPath` (workspace path → slug of every published article and page).
 * `sitePath` is the path part of the site's baseUrl (`/` or `/blog/`).
 */
export function resolveLinks(
  articlePath: string,
  links: string[],
  root: string,
  slugByPath: Map<string, string>,
  sitePath: string,
): ResolvedLinks {
  const result: ResolvedLinks = { rewrites: {}, sitePaths: [], missing: [] }
  for (const href of links) {
    const cut = href.search(/[?#]/)
    const pathPart = cut === -1 ? href : href.slice(0, cut)
    const suffix = cut === -1 ? '' : href.slice(cut)
    if (href.startsWith('/')) {
      const decoded = decodeUriText(pathPart)
      const inSite = decoded.startsWith(sitePath) ? decoded.slice(sitePath.length) : null
      const file = inSite === null ? decoded.slice(1) : inSite
      if (articleFile.test(file)) continue
      result.sitePaths.push({
        href,
        file: file === '' || file.endsWith('/') ? `${file}index.html` : file,
      })
      continue
    }
    const target = path.posix.normalize(
      path.posix.join(path.posix.dirname(articlePath), decodeUriText(pathPart)),
    )
    const slug = slugByPath.get(target)
    if (slug === undefined) result.missing.push({ href, looked: target })
    else result.rewrites[href] = root + routes.article(slug) + suffix
  }
  return result
}

/** `html` with each `<a href>` found in `rewrites` pointing at its new URL. */
export function rewriteLinks(html: string, rewrites: Record<string, string>): string {
  if (Object.keys(rewrites).length === 0) return html
  return html.replace(/(<a\s[^>]*?href=")([^"]*)"/g, (whole, start: string, raw: string) => {
    const href = decodeEntities(raw)
    if (!Object.hasOwn(rewrites, href)) return whole
    return `${start}${rewrites[href].replace(/&/g, '&#x26;').replace(/"/g, '&#x22;')}"`
  })
}

/** The 1-based file line where `href` is written in an article body starting at `bodyStartLine`. */
export function linkLine(body: string, href: string, bodyStartLine: number): number | undefined {
  let at = body.indexOf(`](${href}`)
  if (at === -1) at = body.indexOf(href)
  if (at === -1) at = body.indexOf(encodeURI(href))
  if (at === -1) return undefined
  let line = bodyStartLine
  for (let i = body.indexOf('\n'); i !== -1 && i < at; i = body.indexOf('\n', i + 1)) line++
  return line
}
