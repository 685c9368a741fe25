/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest articles, with full content and absolute URLs. */
import { Feed } from 'feed'
import { parseDate } from './render/formatDate'
import { absoluteUrl, routes } from './render/routes'
import type { ArticleInput, SiteInput } from './render/viewTypes'

/** An article ready for the feeds: its body HTML as on its page (relative URLs allowed). */
export interface FeedEntry {
  article: ArticleInput
  html: string
}

/** Rewrites relative `href`/`src` URLs in `html` to absolute ones, resolved against `pageUrl`. */
export function absolutizeUrls(html: string, pageUrl: string): string {
  return html.replace(/\s(href|src)="([^"]*)"/g, (whole, attr: string, url: string) => {
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return whole
    const decoded = url.replace(/&#x26;|&amp;/g, '&')
    return ` ${attr}="${new URL(decoded, pageUrl).toString().replace(/&/g, '&#x26;')}"`
  })
}

/** The three feeds as file contents, keyed by their site-relative paths. */
export function buildFeeds(site: SiteInput, entries: FeedEntry[], now: Date): Map<string, string> {
  const home = absoluteUrl(site.baseUrl, routes.home())
  const author = site.author ? { name: site.author, link: home } : undefined
  const dates = entries.map((e) => parseDate(e.article.updated) ?? parseDate(e.article.date))
  const updated = dates.find((d): d is Date => d !== null) ?? now
  const feed = new Feed({
    id: home,
    title: site.title,
    description: site.description,
    link: home,
    language: site.language,
    updated,
    generator: 'Folio',
    copyright: site.author ? `© ${site.author}` : site.title,
    author,
    feedLinks: {
      rss: absoluteUrl(site.baseUrl, routes.rss()),
      atom: absoluteUrl(site.baseUrl, routes.atom()),
      json: absoluteUrl(site.baseUrl, routes.jsonFeed()),
    },
  })
  for (const { article, html } of entries) {
    const url = absoluteUrl(site.baseUrl, routes.article(article.slug))
    const published = parseDate(article.date) ?? now
    const name = article.author || site.author
    feed.addItem({
      title: article.title,
      id: url,
      link: url,
      date: parseDate(article.updated) ?? published,
      published,
      description: article.description || undefined,
      content: absolutizeUrls(html, url),
      category: article.tags.map((tag) => ({
        name: tag,
        domain: absoluteUrl(site.baseUrl, routes.tag(tag)),
      })),
      author: name ? [{ name }] : undefined,
    })
  }
  return new Map([
    [routes.rss(), feed.rss2()],
    [routes.atom(), feed.atom1()],
    [routes.jsonFeed(), feed.json1()],
  ])
}
