/**
 * The context a theme template receives. Every URL in it is already relative to the page being
 * rendered (or absolute where a crawler needs it: canonical, Open Graph, feeds).
 */
import type { Heading } from '../../markdown'

/** The article fields the site needs; the workspace's Article satisfies it. */
export interface ArticleInput {
  path: string
  slug: string
  title: string
  date: string | null
  updated: string | null
  tags: string[]
  draft: boolean
  description: string
  author: string
  frontMatter: Record<string, unknown>
  body: string
}

/** The site settings the templates see; the workspace config satisfies it. */
export interface SiteInput {
  title: string
  baseUrl: string
  language: string
  author: string
  description: string
  themeSettings?: Record<string, unknown>
}

/** A link to another page: its title and its URL relative to the current page. */
export interface LinkView {
  title: string
  url: string
}

/** A tag with its page and, on tag lists, how many articles carry it. */
export interface TagView {
  name: string
  url: string
  count?: number
}

/** The site as a template sees it on one page. */
export interface SiteView {
  title: string
  description: string
  author: string
  language: string
  baseUrl: string
  /** Relative prefix back to the site root from this page (`./`, `../`). */
  root: string
  /** URL of the theme's assets folder from this page. */
  assets: string
  /** Theme stylesheet inlined into the page (the app's preview); '' in the built site. */
  inlineCss: string
  preview: boolean
  settings: Record<string, unknown>
  nav: LinkView[]
  year: number
  home: string
  rss: string
  atom: string
  jsonFeed: string
  search: string
  searchIndex: string
  archive: string
  tags: string
}

/** An article in a list (home page, tag page, related articles). */
export interface ArticleCard {
  title: string
  url: string
  description: string
  date: string
  dateIso: string
  dateDisplay: string
  tags: TagView[]
  author: string
  readingMinutes: number
}

/** The article shown on an article page. */
export interface ArticleView extends ArticleCard {
  html: string
  headings: Heading[]
  updatedIso: string
  updatedDisplay: string
  authorUrl: string
  authorBio: string
  cover: string
  coverAlt: string
  source: string
  canonical: string
  /** Whether the body has KaTeX math (the page then links the KaTeX stylesheet). */
  hasMath: boolean
}

/** Head metadata of a page: title, canonical URL, sharing cards and structured data. */
export interface PageMeta {
  kind: string
  title: string
  description: string
  canonical: string
  ogType: 'article' | 'website'
  image: string
  published: string
  modified: string
  noindex: boolean
  /** JSON-LD as a string safe to place inside a script element. */
  jsonLd: string
}

/** Pagination links of a list page. */
export interface PaginationView {
  page: number
  pages: number
  prevUrl: string
  nextUrl: string
}

/** Everything a layout can use; each page kind fills what applies to it. */
export interface PageContext {
  site: SiteView
  page: PageMeta
  article?: ArticleView
  related?: ArticleCard[]
  prev?: ArticleCard | null
  next?: ArticleCard | null
  articles?: ArticleCard[]
  pagination?: PaginationView
  tag?: TagView
  allTags?: TagView[]
  authorName?: string
  archive?: {
    year: string
    months: { month: string; articles: ArticleCard[] }[]
  }[]
  comments?: {
    provider: string
    repo: string
    repoId: string
    category: string
    categoryId: string
  }
}
