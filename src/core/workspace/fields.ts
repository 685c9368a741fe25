/**
 * The article fields Folio shows and builds from, read from front matter in each engine's words
 * (`lastmod`, `published: false`, comma-separated tags, ...), with fallbacks from the file path.
 */
import { tagList } from '../frontmatter'
import type { LayoutInfo } from './types'

/** What of a workspace's layout the fields depend on (the UI has it from `WorkspaceInfo`). */
export type ArticleLayout = Pick<LayoutInfo, 'layout' | 'draftDirs'>

/** A Markdown file name. */
export const markdownExt = /\.(md|markdown|mdx)$/i
/** The file that makes its folder a page bundle. */
export const bundleIndex = /^index\.(md|markdown|mdx)$/i

/** The article's slug: the bundle folder name, or the file name without date prefix and extension. */
export function slugOf(ws: Pick<LayoutInfo, 'layout'>, relPath: string): string {
  const parts = relPath.split('/')
  const name = parts[parts.length - 1]
  if (bundleIndex.test(name) && parts.length > 1) return parts[parts.length - 2]
  const base = name.replace(markdownExt, '')
  return ws.layout === 'jekyll' ? base.replace(/^\d{4}-\d{2}-\d{2}-/, '') : base
}

/** True when `relPath` lies in one of the layout's drafts folders. */
export function inDraftDir(ws: Pick<LayoutInfo, 'draftDirs'>, relPath: string): boolean {
  return ws.draftDirs.some((dir) => relPath.startsWith(`${dir}/`))
}

/** The common fields of an article, normalised from its front matter and path. */
export interface ArticleFields {
  slug: string
  title: string
  date: string | null
  updated: string | null
  tags: string[]
  draft: boolean
  description: string
  author: string
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  return null
}

function first(data: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const v = text(data[key])
    if (v !== null && v !== '') return v
  }
  return null
}

/** Reads the common fields of the article at `relPath` from its front matter `data`. */
export function articleFields(
  ws: ArticleLayout,
  relPath: string,
  data: Record<string, unknown>,
): ArticleFields {
  const slug = slugOf(ws, relPath)
  const fileDate = /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]+$/.exec(relPath)?.[1] ?? null
  const author = data.author
  return {
    slug,
    title: first(data, ['title']) ?? slug,
    date: first(data, ['date', 'pubDate', 'publishDate', 'published_at']) ?? fileDate,
    updated: first(data, ['updated', 'lastmod', 'last_modified_at', 'modified', 'updatedDate']),
    tags: tagList(data.tags ?? data.tag),
    draft:
      data.draft === true ||
      data.draft === 'true' ||
      data.published === false ||
      inDraftDir(ws, relPath),
    description: first(data, ['description', 'summary', 'excerpt']) ?? '',
    author:
      text(author) ??
      (typeof author === 'object' && author !== null
        ? (text((author as Record<string, unknown>).name) ?? '')
        : ''),
  }
}

/** Sort key of a date string (ISO, `YYYY-MM-DD HH:MM:SS -0500`, or `Jul 08 2022`); -Infinity if none. */
export function dateValue(date: string | null): number {
  if (!date) return Number.NEGATIVE_INFINITY
  const iso = date
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})\s+(\d)/, '$1T$2')
    .replace(/\s*([+-]\d{2}):?(\d{2})$/, '$1:$2')
    .replace(/\s*(UTC|Z)$/i, 'Z')
  const t = Date.parse(iso)
  if (!Number.isNaN(t)) return t
  const loose = Date.parse(date)
  return Number.isNaN(loose) ? Number.NEGATIVE_INFINITY : loose
}
