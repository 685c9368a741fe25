import type { Heading } from '../../markdown'
import { displayDate, isoDate } from './formatDate'
import { readingMinutes } from './readingTime'
import { absoluteUrl, routes } from './routes'
import type { ArticleCard, ArticleInput, ArticleView, SiteInput, TagView } from './viewTypes'

function frontMatterText(article: ArticleInput, key: string): string {
  const value = article.frontMatter[key]
  return typeof value === 'string' ? value : ''
}

/** Tag links as seen from a page whose root prefix is `root`. */
export function tagViews(tags: string[], root: string): TagView[] {
  return tags.map((name) => ({ name, url: root + routes.tag(name) }))
}

// NOTE: a site build shows each article on many pages (lists, related, neighbours); cards are
// made once per (site, article, root) and shared, so callers must not mutate them.
const cards = new WeakMap<SiteInput, WeakMap<ArticleInput, Map<string, ArticleCard>>>()

/**
 * An article as a list entry, with links relative to a page whose root prefix is `root`. Equal
 * inputs (the same objects) give the same card object, which must be treated as read-only.
 */
export function articleCard(article: ArticleInput, site: SiteInput, root: string): ArticleCard {
  let bySite = cards.get(site)
  if (!bySite) cards.set(site, (bySite = new WeakMap()))
  let byRoot = bySite.get(article)
  if (!byRoot) bySite.set(article, (byRoot = new Map()))
  let card = byRoot.get(root)
  if (!card) {
    // Only the links depend on the root: the dates, author and reading time (a count of the
    // whole body) are taken from a card already made for another root.
    const other = byRoot.values().next().value
    card = other
      ? { ...other, url: root + routes.article(article.slug), tags: tagViews(article.tags, root) }
      : makeCard(article, site, root)
    byRoot.set(root, card)
  }
  return card
}

function makeCard(article: ArticleInput, site: SiteInput, root: string): ArticleCard {
  return {
    title: article.title,
    url: root + routes.article(article.slug),
    description: article.description,
    date: article.date ?? '',
    dateIso: isoDate(article.date),
    dateDisplay: displayDate(article.date, site.language),
    tags: tagViews(article.tags, root),
    author: article.author || site.author,
    readingMinutes: readingMinutes(article.body),
  }
}

/** Options for the full view of one article. */
export interface ArticleViewInput {
  article: ArticleInput
  /** The body rendered by renderMarkdown. */
  html: string
  headings?: Heading[]
  site: SiteInput
  root: string
  /** How a cover image path from front matter becomes a URL (defaults to relative to the page). */
  imageUrl?: (src: string) => string
}

/** The `article` object templates see on the article's own page. */
export function articleView(input: ArticleViewInput): ArticleView {
  const { article, site, root } = input
  const card = articleCard(article, site, root)
  const author = card.author
  const cover = frontMatterText(article, 'cover') || frontMatterText(article, 'image')
  const bios = site.themeSettings?.authors as Record<string, { bio?: unknown }> | undefined
  const bio = bios && Object.hasOwn(bios, author) ? bios[author]?.bio : undefined
  return {
    ...card,
    url: root + routes.article(article.slug),
    html: input.html,
    headings: input.headings ?? [],
    updatedIso: isoDate(article.updated),
    updatedDisplay: displayDate(article.updated, site.language),
    authorUrl: author ? root + routes.author(author) : '',
    authorBio: typeof bio === 'string' ? bio : frontMatterText(article, 'authorBio'),
    cover: cover ? (input.imageUrl ? input.imageUrl(cover) : cover) : '',
    coverAlt: frontMatterText(article, 'coverAlt') || article.title,
    source: frontMatterText(article, 'source'),
    canonical: absoluteUrl(site.baseUrl, routes.article(article.slug)),
    hasMath: input.html.includes('class="katex"'),
  }
}
