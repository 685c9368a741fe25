/**
 * The list pages of a site (home with pagination, tags, authors, archive, search, 404) as
 * (route, layout, context) triples for the renderer.
 */
import { cardSignature } from './cardSignature'
import { articleCard } from './render/articleView'
import { dateFormat, parseDate } from './render/formatDate'
import { websiteMeta } from './render/pageMeta'
import { routes, slugify } from './render/routes'
import { siteView, type NavPage } from './render/siteView'
import type { ArticleInput, PageContext, SiteInput, TagView } from './render/viewTypes'

/**
 * A page to render: where it goes, which layout, and its context, made only when the page has to
 * be rendered. `key` names the page's own inputs (with the route and what every page shares):
 * equal keys give equal pages.
 */
export interface PlannedPage {
  route: string
  layout: string
  kind: string
  key: string
  context: () => PageContext
}

function eager(route: string, layout: string, context: PageContext): PlannedPage {
  const { site: _site, ...own } = context
  return {
    route,
    layout,
    kind: context.page.kind,
    key: JSON.stringify(own),
    context: () => context,
  }
}

/** What every list page is made from. */
export interface ListInput {
  site: SiteInput
  /** Published articles, newest first. */
  articles: ArticleInput[]
  pages: NavPage[]
  pageSize: number
  now: Date
  /** `readingMinutes(article.body)`, answered from a cache; omitted, it is counted. */
  readingMinutesOf?: (article: ArticleInput) => number
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out.length ? out : [[]]
}

function paginated(
  input: ListInput,
  articles: ArticleInput[],
  routeOf: (n: number) => string,
  layout: string,
  kind: string,
  title: string,
  extra: (root: string) => Partial<PageContext>,
  extraKey = '',
): PlannedPage[] {
  const size = Math.max(1, Math.floor(input.pageSize) || 10)
  const chunks = chunk(articles, size)
  return chunks.map((items, i) => {
    const n = i + 1
    const route = routeOf(n)
    const pageTitle = n === 1 ? title : `${title} (page ${n})`
    const key = JSON.stringify([kind, pageTitle, n, chunks.length, extraKey])
    return {
      route,
      layout,
      kind,
      key: `${key}${items.map((a) => cardSignature(a, input.readingMinutesOf)).join('\n')}`,
      context: () => {
        const site = siteView(input.site, {
          route,
          pages: input.pages,
          now: input.now,
        })
        return {
          site,
          page: websiteMeta(input.site, route, kind, pageTitle),
          articles: items.map((a) => articleCard(a, input.site, site.root)),
          pagination: {
            page: n,
            pages: chunks.length,
            prevUrl: n > 1 ? site.root + routeOf(n - 1) : '',
            nextUrl: n < chunks.length ? site.root + routeOf(n + 1) : '',
          },
          ...extra(site.root),
        }
      },
    }
  })
}

function groupBy(
  articles: ArticleInput[],
  keysOf: (a: ArticleInput) => string[],
): Map<string, ArticleInput[]> {
  const groups = new Map<string, ArticleInput[]>()
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const list = groups.get(key)
      if (list) list.push(article)
      else groups.set(key, [article])
    }
  }
  return groups
}

/** Home page and its further pages (`/page/2/`, ...). */
export function homePages(input: ListInput): PlannedPage[] {
  return paginated(
    input,
    input.articles,
    routes.indexPage,
    'index',
    'home',
    input.site.title,
    () => ({}),
  )
}

/** One paginated page per tag (tags differing only in case or punctuation share a page), plus `/tags/`. */
export function tagPages(input: ListInput): PlannedPage[] {
  const groups = groupBy(input.articles, (a) => [
    ...new Set(a.tags.map((t) => slugify(t) || 'tag')),
  ])
  const names = new Map<string, string>()
  for (const article of input.articles)
    for (const tag of article.tags)
      if (!names.has(slugify(tag) || 'tag')) names.set(slugify(tag) || 'tag', tag)
  const planned: PlannedPage[] = []
  for (const [key, articles] of groups) {
    const name = names.get(key) ?? key
    const base = routes.tag(name)
    planned.push(
      ...paginated(
        input,
        articles,
        (n) => (n <= 1 ? base : `${base}page/${n}/`),
        'tag',
        'tag',
        `#${name}`,
        (root) => ({
          tag: { name, url: root + base, count: articles.length },
        }),
        JSON.stringify([name, articles.length]),
      ),
    )
  }
  const route = routes.tags()
  const site = siteView(input.site, {
    route,
    pages: input.pages,
    now: input.now,
  })
  const allTags: TagView[] = [...groups.entries()]
    .map(([key, articles]) => {
      const name = names.get(key) ?? key
      return {
        name,
        url: site.root + routes.tag(name),
        count: articles.length,
      }
    })
    .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.name.localeCompare(b.name))
  planned.push(
    eager(route, 'tags', {
      site,
      page: websiteMeta(input.site, route, 'tags', 'Tags'),
      allTags,
    }),
  )
  return planned
}

/** One paginated page per author (the site author for articles that name none). */
export function authorPages(input: ListInput): PlannedPage[] {
  const groups = groupBy(input.articles, (a) => {
    const author = a.author || input.site.author
    return author ? [author] : []
  })
  return [...groups].flatMap(([author, articles]) => {
    const base = routes.author(author)
    return paginated(
      input,
      articles,
      (n) => (n <= 1 ? base : `${base}page/${n}/`),
      'author',
      'author',
      `Articles by ${author}`,
      () => ({
        authorName: author,
      }),
      JSON.stringify(author),
    )
  })
}

/** The archive: published articles grouped by year, then month, newest first. */
export function archivePage(input: ListInput): PlannedPage {
  const route = routes.archive()
  return {
    route,
    layout: 'archive',
    kind: 'archive',
    key: input.articles.map((a) => cardSignature(a, input.readingMinutesOf)).join('\n'),
    context: () => archiveContext(input, route),
  }
}

function archiveContext(input: ListInput, route: string): PageContext {
  const site = siteView(input.site, {
    route,
    pages: input.pages,
    now: input.now,
  })
  const years: NonNullable<PageContext['archive']> = []
  for (const article of input.articles) {
    const date = parseDate(article.date)
    const year = date ? String(date.getUTCFullYear()) : 'Undated'
    const month = date ? monthName(date, site.language) : ''
    let yearGroup = years.find((y) => y.year === year)
    if (!yearGroup) years.push((yearGroup = { year, months: [] }))
    let monthGroup = yearGroup.months.find((m) => m.month === month)
    if (!monthGroup) yearGroup.months.push((monthGroup = { month, articles: [] }))
    monthGroup.articles.push(articleCard(article, input.site, site.root))
  }
  return {
    site,
    page: websiteMeta(input.site, route, 'archive', 'Archive'),
    archive: years,
  }
}

function monthName(date: Date, language: string): string {
  return dateFormat(language, { month: 'long' }).format(date)
}

/** The search page (the theme's script loads `search.json`). */
export function searchPage(input: ListInput): PlannedPage {
  const route = routes.search()
  const site = siteView(input.site, {
    route,
    pages: input.pages,
    now: input.now,
  })
  return eager(route, 'search', { site, page: websiteMeta(input.site, route, 'search', 'Search') })
}

/** The 404 page, written as `404.html` with links from the site root (it is served at any depth). */
export function notFoundPage(input: ListInput): PlannedPage {
  const route = '404.html'
  const site = siteView(input.site, {
    route,
    pages: input.pages,
    now: input.now,
    absoluteRoot: true,
  })
  return eager(route, '404', {
    site,
    page: websiteMeta(input.site, route, '404', 'Page not found'),
  })
}
