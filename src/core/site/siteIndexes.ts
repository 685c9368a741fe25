/**
 * The files that index the whole site: the RSS, Atom and JSON feeds of the newest articles, the
 * search index, the sitemap and robots.txt. Each is rewritten only when its inputs changed.
 */
import { buildFeeds } from './feeds'
import { parseDate } from './render/formatDate'
import { routes } from './render/routes'
import { searchIndexBytes, searchText } from './searchIndex'
import { hashOf, type BodyItem, type SiteBuild } from './siteBuild'
import { robotsTxt, sitemapXml } from './sitemap'

/** Writes the three feeds of `items` (the newest articles, newest first). */
export async function writeFeeds(build: SiteBuild, items: BodyItem[], now: Date): Promise<void> {
  const { site } = build.source
  // "now" stands in for missing dates, so it is an input only when some date is missing.
  const usesNow = items.length === 0 || items.some((i) => parseDate(i.article.date) === null)
  const key = hashOf(
    JSON.stringify(site),
    JSON.stringify(items.map((i) => [i.article, i.key, i.links.rewrites])),
    usesNow ? now.toISOString() : '',
  )
  const files = [routes.rss(), routes.atom(), routes.jsonFeed()]
  if (files.every((file) => build.unchanged(file, key))) {
    for (const file of files) build.files.keep(file, key)
    return
  }
  const entries = []
  for (const item of items)
    entries.push({ article: item.article, html: await build.bodyHtml(item, false) })
  for (const [file, text] of buildFeeds(site, entries, now)) build.files.write(file, text, key)
}

/** Writes `search.json`: every published article with the plain text of its body. */
export async function writeSearchIndex(build: SiteBuild, items: BodyItem[]): Promise<void> {
  const file = routes.searchIndex()
  const key = hashOf(
    JSON.stringify(
      items.map(({ article: a, key }) => [a.title, a.slug, a.date, a.description, a.tags, key]),
    ),
  )
  if (build.unchanged(file, key)) {
    build.files.keep(file, key)
    return
  }
  const texts = await build.cache.textsOf(items.map((i) => i.key))
  const entries = []
  for (const item of items) {
    let text = texts.get(item.key)
    if (text === undefined) {
      text = searchText(await build.bodyHtml(item, false))
      build.cache.putText(item.key, text)
    }
    entries.push({ article: item.article, text })
  }
  build.files.write(file, searchIndexBytes(entries), key)
}

/** Writes `sitemap.xml` of the pages added so far, and `robots.txt` pointing at it. */
export function writeSitemap(build: SiteBuild): void {
  const { baseUrl } = build.source.site
  build.files.write('sitemap.xml', sitemapXml(baseUrl, build.sitemap))
  build.files.write('robots.txt', robotsTxt(baseUrl))
}
