/** Messages between the preview controller (UI thread) and the render worker. */
import type { SiteConfig, ThemeBundle } from '../../../core/api'

/** The setting every render uses until it changes: theme, site config, asset URL prefix. */
export interface PreviewSetting {
  theme: ThemeBundle
  site: SiteConfig
  /** Absolute URL prefix for workspace files (images). */
  assetBase: string
}

/** Which page the preview shows: the article's own page, or the home page with it on. */
export type PreviewPage = 'article' | 'home'

/** What the home page preview knows of the other articles (from the article list). */
export interface HomeArticle {
  path: string
  title: string
  date: string | null
  tags: string[]
  draft: boolean
  description?: string
}

/** UI thread to worker. */
export type RenderRequest =
  | { type: 'setting'; setting: PreviewSetting }
  | { type: 'articles'; articles: HomeArticle[] }
  | { type: 'render'; id: number; path: string; text: string; page: PreviewPage }

/** Worker to UI thread: the page shell (with the body slot), and the body HTML separately. */
export interface RenderResponse {
  id: number
  /** Whole preview document with an empty body slot; unchanged between keystrokes in the body. */
  shell: string
  body: string
  headings: { depth: number; text: string; id: string }[]
  /** A problem the author should see (front matter, template), shown above the page. */
  problem?: string
  durationMs: number
}
