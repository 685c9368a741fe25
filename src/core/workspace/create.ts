/** Creating a new article where the layout expects it, named by a portable, unique slug. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { stringify as stringifyYaml } from 'yaml'
import type { ArticleDocument } from '../api'
import { toFolioError } from '../errors'
import { atomicWrite } from './atomicWrite'
import { contentHash } from './hash'
import { resolveInside } from './paths'
import { slugify } from './slug'
import type { LayoutInfo, Workspace } from './types'
import { writingVersion } from './versions'

/** The local calendar date of `now` as YYYY-MM-DD. */
export function isoDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The workspace-relative path a new article with `slug` gets in this layout. */
export function newArticlePath(ws: LayoutInfo, slug: string, now: Date): string {
  const name = ws.layout === 'jekyll' ? `${isoDay(now)}-${slug}.md` : `${slug}.md`
  return ws.contentDir ? `${ws.contentDir}/${name}` : name
}

/** The front matter and empty body of a new article, in the layout's usual front matter syntax. */
export function newArticleText(ws: LayoutInfo, title: string, now: Date): string {
  const oneLine = title.replace(/\s+/g, ' ').trim()
  if (ws.layout === 'hugo') {
    return `+++\ntitle = ${JSON.stringify(oneLine)}\ndate = ${isoDay(now)}\ntags = []\ndescription = ''\n+++\n\n`
  }
  const titleYaml = stringifyYaml(oneLine, { lineWidth: 0 }).trimEnd()
  return `---\ntitle: ${titleYaml}\ndate: ${isoDay(now)}\ntags: []\ndescription: ''\n---\n\n`
}

async function exists(abs: string): Promise<boolean> {
  return fs.lstat(abs).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false
      throw err
    },
  )
}

/**
 * Creates an article titled `title` following the layout's naming (folio: `posts/<slug>.md`,
 * Jekyll: `_posts/YYYY-MM-DD-<slug>.md`, ...). The slug is made unique (`slug-2`, ...) against
 * both files and page-bundle folders; an existing file is never overwritten.
 */
export async function createArticle(
  ws: Workspace,
  title: string,
  now: Date = new Date(),
): Promise<ArticleDocument> {
  const base = slugify(title)
  const text = newArticleText(ws, title, now)
  const bytes = Buffer.from(text, 'utf8')
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const relPath = newArticlePath(ws, slug, now)
    const abs = await resolveInside(ws, relPath)
    const bundle = path.join(path.dirname(abs), slug)
    if ((await exists(abs)) || (await exists(bundle))) continue
    try {
      await fs.mkdir(path.dirname(abs), { recursive: true })
      await writingVersion(abs, contentHash(bytes), () =>
        atomicWrite(abs, bytes, { noClobber: true }),
      )
    } catch (err) {
      // Someone created the same name in between: take the next suffix.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue
      throw toFolioError(err, relPath)
    }
    const st = await fs.stat(abs)
    return {
      path: relPath,
      text,
      version: contentHash(bytes),
      mtimeMs: st.mtimeMs,
    }
  }
}
