/**
 * The page of every published article and static page, and the redirect pages of their aliases.
 * A page's key is made from signatures of what it shows (its article, body, links, images,
 * related articles and neighbours), so an unchanged page costs neither a context nor a render.
 */
import type { BuildProblem, ThemeBundle } from '../api'
import { articleSignature, cardSignature } from './cardSignature'
import { redirectPage, aliasRoute } from './redirectPage'
import { renderBody, siteImageUrl } from './renderBody'
import { isoDate } from './render/formatDate'
import { articlePageContext } from './render/pageContext'
import { hasLayout } from './render/renderPage'
import { absoluteUrl, routeFile, routes } from './render/routes'
import type { NavPage } from './render/siteView'
import type { ArticleInput, ArticleView, PageContext } from './render/viewTypes'
import { hashOf, type BodyItem, type PageOutcome, type SiteBuild } from './siteBuild'
import type { SourceArticle } from './siteSource'

function layoutOf(item: BodyItem, theme: ThemeBundle, problems: BuildProblem[]): string {
  const wanted = item.article.frontMatter.layout
  if (typeof wanted === 'string' && wanted !== '') {
    if (hasLayout(theme, wanted)) return wanted
    problems.push({
      path: item.article.path,
      message: `Layout "${wanted}" does not exist in theme "${theme.name}"; the default layout was used.`,
    })
  }
  return item.kind
}

/** The key of an article page: everything `articlePageContext` and the body show on it. */
function articlePageKey(
  build: SiteBuild,
  item: BodyItem,
  route: string,
  layout: string,
  related: ArticleInput[] | undefined,
  prev: ArticleInput | null | undefined,
  next: ArticleInput | null | undefined,
): string {
  const neighbour = (a: ArticleInput | null | undefined) =>
    a === undefined ? 'none' : a === null ? 'null' : cardSignature(a, build.readingMinutesOf)
  return hashOf(
    build.globalKey,
    'article-page',
    route,
    layout,
    item.kind,
    articleSignature(item.article),
    item.key,
    JSON.stringify(item.links.rewrites),
    JSON.stringify(item.images),
    String(item.meta.hasMath),
    related === undefined
      ? 'none'
      : related.map((a) => cardSignature(a, build.readingMinutesOf)).join('\n'),
    neighbour(prev),
    neighbour(next),
  )
}

/** What the page of an article is made from besides its item: neighbours and navigation. */
export interface ArticlePageInputs {
  /** Published articles, newest first (an article's neighbours are its newer and older ones). */
  published: SourceArticle[]
  related: Map<string, ArticleInput[]>
  nav: NavPage[]
  now: Date
}

/**
 * Renders (or keeps) the page of the `index`-th item: an article with its related articles and
 * its newer/older neighbours, or a static page without. A missing layout goes to `problems`.
 */
export async function articlePageOutcome(
  build: SiteBuild,
  item: BodyItem,
  index: number,
  inputs: ArticlePageInputs,
  problems: BuildProblem[],
): Promise<PageOutcome> {
  const { published, nav, now } = inputs
  const isArticle = item.kind === 'article'
  const article = item.article
  const relatedHere = isArticle ? inputs.related.get(article.path) : undefined
  const prev = isArticle ? (published[index - 1] ?? null) : undefined
  const next = isArticle ? (published[index + 1] ?? null) : undefined
  const route = routes.article(article.slug)
  const layout = layoutOf(item, build.source.theme, problems)
  const key = articlePageKey(build, item, route, layout, relatedHere, prev, next)
  const context = async (): Promise<PageContext> => {
    const body = await build.cache.body(item.key)
    const ctx = articlePageContext({
      article,
      html: await build.bodyHtml(item),
      headings: body?.headings ?? renderBody({ ...article }).headings,
      site: build.source.site,
      pages: nav,
      kind: item.kind,
      related: relatedHere,
      prev,
      next,
      imageUrl: (src) => siteImageUrl(article.path, article.slug, src),
      now,
    })
    ;(ctx.article as ArticleView).hasMath = item.meta.hasMath
    return ctx
  }
  return build.renderPageOutcome(route, layout, key, context, article.path)
}

/** Adds the page of `item` (see `articlePageOutcome`) to the site and the sitemap. */
export function addArticlePage(build: SiteBuild, item: BodyItem, outcome: PageOutcome): void {
  if (!build.addPage(outcome)) return
  const { article } = item
  const lastmod =
    item.kind === 'article'
      ? isoDate(article.updated) || isoDate(article.date) || undefined
      : undefined
  build.sitemap.push({ route: outcome.route, lastmod })
}

/** Writes a redirect page to the article's page at each of its front matter `aliases`. */
export function writeAliases(build: SiteBuild, article: SourceArticle): void {
  const aliases = article.frontMatter.aliases
  const list = Array.isArray(aliases) ? aliases : typeof aliases === 'string' ? [aliases] : []
  if (list.length === 0) return
  const target = absoluteUrl(build.source.site.baseUrl, routes.article(article.slug))
  for (const alias of list) {
    const route = typeof alias === 'string' ? aliasRoute(alias) : null
    if (route === null || build.files.has(routeFile(route))) {
      build.problem(
        article.path,
        `Alias "${String(alias)}" cannot become a redirect page (it is not a free path of this site).`,
      )
      continue
    }
    build.files.write(routeFile(route), redirectPage(target, article.title))
  }
}
