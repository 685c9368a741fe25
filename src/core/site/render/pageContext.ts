/**
 * Builds the context a layout renders with. The build and the app's preview both use these, so a
 * page in the preview and the same page on the site see identical data.
 */
import type { Heading } from '../../markdown'
import { articleCard, articleView } from './articleView'
import { articleMeta } from './pageMeta'
import { routes } from './routes'
import { siteView, type NavPage } from './siteView'
import type { ArticleInput, PageContext, SiteInput } from './viewTypes'

/** What an article page is made from. */
export interface ArticlePageInput {
  article: ArticleInput
  /** The body as renderMarkdown rendered it (with image URLs already rewritten). */
  html: string
  headings?: Heading[]
  site: SiteInput
  /** 'page' for static pages (no date, tags, related or previous/next). */
  kind?: 'article' | 'page'
  /** Static pages for the navigation. */
  pages?: NavPage[]
  related?: ArticleInput[]
  /** The newer and the older neighbour in date order. */
  prev?: ArticleInput | null
  next?: ArticleInput | null
  /** Cover image path from front matter → URL relative to the page. */
  imageUrl?: (src: string) => string
  /** The app's preview: the theme CSS to inline instead of linking the built stylesheet. */
  preview?: { css: string }
  now?: Date
}

/** The context for `layouts/article.liquid` (or `layouts/page.liquid`) of one article. */
export function articlePageContext(input: ArticlePageInput): PageContext {
  const kind = input.kind ?? 'article'
  const route = routes.article(input.article.slug)
  const site = siteView(input.site, {
    route,
    pages: input.pages,
    inlineCss: input.preview?.css,
    now: input.now,
  })
  const article = articleView({
    article: input.article,
    html: input.html,
    headings: input.headings,
    site: input.site,
    root: site.root,
    imageUrl: input.imageUrl,
  })
  const card = (other: ArticleInput | null | undefined) =>
    other ? articleCard(other, input.site, site.root) : null
  return {
    site,
    page: articleMeta(input.site, article, kind),
    article,
    related: (input.related ?? []).map((other) => articleCard(other, input.site, site.root)),
    prev: card(input.prev),
    next: card(input.next),
    comments: commentsSettings(input.site, kind),
  }
}

function commentsSettings(site: SiteInput, kind: string): PageContext['comments'] {
  const settings = site.themeSettings?.comments as Record<string, unknown> | undefined
  if (kind !== 'article' || !settings || settings.provider !== 'giscus') return undefined
  const text = (key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : '')
  if (!text('repo')) return undefined
  return {
    provider: 'giscus',
    repo: text('repo'),
    repoId: text('repoId'),
    category: text('category'),
    categoryId: text('categoryId'),
  }
}
