/**
 * What moves together when an article is renamed, copied or trashed: the single file, or for a
 * page bundle (`slug/index.md`) the whole folder with its images.
 */
import path from 'node:path'
import type { LayoutInfo } from './types'
import { checkArticlePath } from './articleFiles'
import { slugOf } from './fields'

/** The unit on disk that makes up one article, as workspace-relative paths. */
export interface ArticleUnit {
  /** The article's Markdown file. */
  file: string
  /** The path that moves: the bundle folder, or the file itself. */
  moved: string
  isBundle: boolean
  slug: string
  /** Folder that holds `moved`. */
  parent: string
  /** For a single file: its name before the slug (Jekyll `YYYY-MM-DD-`) and its extension. */
  prefix: string
  ext: string
}

/**
 * Describes the article at workspace-relative `file`; an 'invalid-argument' FolioError when `file`
 * cannot be an article (see `checkArticlePath`).
 */
export function articleUnit(ws: LayoutInfo, file: string): ArticleUnit {
  checkArticlePath(file)
  const dir = path.posix.dirname(file)
  const name = path.posix.basename(file)
  const ext = path.posix.extname(name)
  const slug = slugOf(ws, file)
  const isBundle =
    /^index\.(md|markdown|mdx)$/i.test(name) && dir !== '.' && !ws.articleDirs.includes(dir)
  if (isBundle) {
    const parent = path.posix.dirname(dir)
    return {
      file,
      moved: dir,
      isBundle,
      slug,
      parent: parent === '.' ? '' : parent,
      prefix: '',
      ext,
    }
  }
  const base = name.slice(0, name.length - ext.length)
  const prefix = base.endsWith(slug) ? base.slice(0, base.length - slug.length) : ''
  return { file, moved: file, isBundle, slug, parent: dir === '.' ? '' : dir, prefix, ext }
}

/** The paths the same article would have with slug `slug` (same folder, prefix and extension). */
export function withSlug(unit: ArticleUnit, slug: string): { file: string; moved: string } {
  const join = (name: string) => (unit.parent ? `${unit.parent}/${name}` : name)
  if (unit.isBundle) {
    const moved = join(slug)
    return { moved, file: `${moved}/${path.posix.basename(unit.file)}` }
  }
  const file = join(`${unit.prefix}${slug}${unit.ext}`)
  return { file, moved: file }
}
