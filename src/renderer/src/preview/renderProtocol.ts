/** Messages between the preview controller (UI thread) and the render worker. */
import type { ArticleSummary, SiteConfig, ThemeBundle } from '../../../core/api'
import type { BodyPatch } from './bodyPatch'
import type { TextEdit } from './textEdit'
import type { ArticleLayout } from '../../../core/workspace/fields'

/** The setting every render uses until it changes: theme, site config, asset URL prefix. */
export interface PreviewSetting {
  theme: ThemeBundle
  site: SiteConfig
  /** Absolute URL prefix for workspace files (images). */
  assetBase: string
  /** The workspace's layout: the article's slug and draft state are read as the build reads them. */
  layout: ArticleLayout
}

/** Which page the preview shows: the article's own page, or the home page with it on. */
export type PreviewPage = 'article' | 'home'

/** What the home page preview knows of the other articles: their summaries from the list. */
export type HomeArticle = Pick<
  ArticleSummary,
  'path' | 'title' | 'date' | 'tags' | 'draft' | 'description'
>

/**
 * How the article text reaches the worker: whole (the first render of an article, or after the
 * worker lost it), as one edit of the text it rendered last, or unchanged (`null`).
 */
export type TextChange = { text: string } | { edit: TextEdit } | null

/** UI thread to worker. */
export type RenderRequest =
  | { type: 'setting'; setting: PreviewSetting }
  | { type: 'articles'; articles: HomeArticle[] }
  | {
      type: 'render'
      id: number
      path: string
      change: TextChange
      page: PreviewPage
      /** The UI thread has no blocks: send every block with its HTML. */
      allBlocks: boolean
      /** The UI thread has no page: send the shell even if it did not change. */
      wantShell: boolean
    }

/** Worker to UI thread: the page shell (when it changed), and the body as a block patch. */
export interface RenderResponse {
  id: number
  /**
   * Whole preview document with an empty body slot; null when it is the one sent last (typing in
   * the body never changes it). The home page preview is all shell.
   */
  shell: string | null
  /** The article body's change since the last patch; null for the home page or a failure. */
  body: BodyPatch | null
  headings: { depth: number; text: string; id: string }[]
  /** A problem the author should see (front matter, template), shown above the page. */
  problem?: string
  /** The worker no longer has the article text (a failed render): send it whole next time. */
  lostText?: boolean
  durationMs: number
}
