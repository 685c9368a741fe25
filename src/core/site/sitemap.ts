/** sitemap.xml and robots.txt, so search engines find every public page. */
import { absoluteUrl } from './render/routes'

/** One public page for the sitemap: its route and, when known, its last change (ISO). */
export interface SitemapEntry {
  route: string
  lastmod?: string
}

function escapeXml(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  )
}

/** The sitemap.xml text listing `entries` with absolute URLs under `baseUrl`. */
export function sitemapXml(baseUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const lastmod = entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : ''
    return `  <url><loc>${escapeXml(absoluteUrl(baseUrl, entry.route))}</loc>${lastmod}</url>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

/** robots.txt allowing everything and pointing at the sitemap. */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, 'sitemap.xml')}\n`
}
