/** What a site build is made from and how it is asked for: the types every build module shares. */
import type { ThemeBundle } from '../api'
import type { ArticleInput, SiteInput } from './render/viewTypes'

/** Options of one build. */
export interface BuildOptions {
  /** Absolute folder the site is written to (replaced as a whole). */
  outDir: string
  /** Include drafts and future-dated articles (a local preview build). */
  drafts?: boolean
  /** The build's notion of "now", for scheduled articles and the footer year. */
  now?: Date
}

/** An article or page as the builder gets it: the workspace's Article (with its parse error). */
export interface SourceArticle extends ArticleInput {
  bodyStartLine: number
  error?: { message: string; line?: number }
}

/** Everything a build is made from, already loaded. */
export interface SiteSource {
  /** Absolute workspace folder (images and `static/` are read from it). */
  root: string
  site: SiteInput
  pageSize: number
  theme: ThemeBundle
  /** Absolute folder of the theme, whose `assets/` are copied; null for none. */
  themeDir: string | null
  articles: SourceArticle[]
  pages: SourceArticle[]
  /** Cached facts of an article, when the caller keeps them; undefined makes the build derive them. */
  factsOf?: (article: ArticleInput) => ArticleFacts | undefined
}

/**
 * What a build derives from an article's text, which a cache of parsed sources can keep so a
 * rebuild reads it instead of going over every body again. Each must equal what it names.
 */
export interface ArticleFacts {
  /** `articleKeywords(article)`, for related articles. */
  keywords: string[]
  /** `readingMinutes(article.body)`, for article cards. */
  readingMinutes: number
  /** `bodyKey(article)`, naming its rendered body in the cache. */
  bodyKey: string
}
