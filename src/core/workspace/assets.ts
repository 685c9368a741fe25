/**
 * Images and other files an article uses: importing a dropped or pasted file into the article's
 * bundle folder (or the layout's images folder) under a safe, unique name, and finding which
 * files no article uses.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { toFolioError } from '../errors'
import { loadArticles, loadPages } from './article'
import { articleUnit } from './articleUnit'
import { atomicWrite } from './atomicWrite'
import { contentHash } from './hash'
import { findLinks, relativeLink, resolveLink } from './links'
import { resolveInside } from './paths'
import { slugify } from './slug'
import type { LayoutInfo, Workspace } from './types'
import type { ImportedAsset, AssetUsage } from '../api'
export type { ImportedAsset, AssetUsage }

/** The folder each layout serves at the site root, so `/images/x.png` links can be found. */
const staticRoots: Record<LayoutInfo['layout'], string> = {
  hugo: 'static',
  hexo: 'source',
  astro: 'public',
  jekyll: '',
  folio: '',
  eleventy: '',
  plain: '',
}

/** Where engines that link images from the site root keep imported images. */
const siteImageDirs: Partial<Record<LayoutInfo['layout'], string>> = {
  hugo: 'static/images',
  hexo: 'source/images',
  astro: 'public/images',
  jekyll: 'assets/images',
}

/** Folder that root links (`/x`) resolve to in this layout ('' is the workspace root). */
export function staticRootOf(ws: LayoutInfo): string {
  return staticRoots[ws.layout]
}

/** A safe file name: slugified base, lowercase alphanumeric extension; never empty. */
export function safeAssetName(fileName: string): { base: string; ext: string } {
  const parsed = path.posix.parse(fileName.replace(/\\/g, '/').split('/').pop() ?? '')
  const ext = parsed.ext
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 11)
  const base = slugify(parsed.name === '' ? 'file' : parsed.name).replace(/^untitled$/, 'file')
  return { base, ext: ext === '.' ? '' : ext }
}

/** Where an article's imported files go, and how it links to them. */
function assetPlace(
  ws: Workspace,
  articlePath: string,
): { dir: string; link: (file: string) => string } {
  const unit = articleUnit(ws, articlePath)
  if (unit.isBundle) return { dir: unit.moved, link: (f) => relativeLink(articlePath, f) }
  const siteDir = siteImageDirs[ws.layout]
  if (siteDir) {
    const root = staticRootOf(ws)
    return { dir: siteDir, link: (f) => `/${encodeURI(root ? f.slice(root.length + 1) : f)}` }
  }
  const dir = unit.parent ? `${unit.parent}/images` : 'images'
  return { dir, link: (f) => relativeLink(articlePath, f) }
}

/**
 * Copies `bytes` into the article's bundle folder (or the layout's images folder) as a safely
 * named, unique file; a file with the same bytes and name is reused. Returns the path and the
 * Markdown image that links it from the article.
 */
export async function importAsset(
  ws: Workspace,
  articlePath: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportedAsset> {
  const { dir, link } = assetPlace(ws, articlePath)
  const { base, ext } = safeAssetName(fileName)
  const hash = contentHash(bytes)
  for (let n = 1; ; n++) {
    const rel = `${dir}/${n === 1 ? base : `${base}-${n}`}${ext}`
    const abs = await resolveInside(ws, rel)
    const markdown = `![${base.replace(/-/g, ' ')}](${link(rel)})`
    try {
      await fs.mkdir(path.dirname(abs), { recursive: true })
      await atomicWrite(abs, bytes, { noClobber: true })
      return { path: rel, markdown }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw toFolioError(err, rel)
      const existing = await fs.readFile(abs)
      if (contentHash(existing) === hash) return { path: rel, markdown }
    }
  }
}

const mediaExt = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?|mp4|webm|mov|mp3|ogg|wav|pdf|zip)$/i
const assetFolders = ['images', 'assets', 'static', 'public', 'source/images', 'img']

async function mediaFiles(ws: Workspace, relDir: string, out: Set<string>): Promise<void> {
  const entries = await fs
    .readdir(path.join(ws.root, relDir), { withFileTypes: true })
    .catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return []
      throw toFolioError(err, relDir)
    })
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue
    const rel = relDir ? `${relDir}/${e.name}` : e.name
    if (e.isDirectory()) await mediaFiles(ws, rel, out)
    else if (e.isFile() && mediaExt.test(e.name)) out.add(rel)
  }
}

/** Lists the files each article (and page) uses and the media files none of them uses. */
export async function listAssetUsage(ws: Workspace): Promise<AssetUsage> {
  const articles = [...(await loadArticles(ws)), ...(await loadPages(ws))]
  const staticRoot = staticRootOf(ws)
  const used: Record<string, string[]> = {}
  const missing: Record<string, string[]> = {}
  const everUsed = new Set<string>()
  for (const article of articles) {
    const targets = findLinks(article.body).map((l) => l.target)
    for (const value of Object.values(article.frontMatter))
      if (typeof value === 'string' && mediaExt.test(value)) targets.push(value)
    for (const target of targets) {
      const rel = resolveLink(article.path, target, staticRoot)
      if (rel === null || !mediaExt.test(rel)) continue
      const exists = await fs.stat(path.join(ws.root, rel)).then(
        (st) => st.isFile(),
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return false
          throw toFolioError(err, rel)
        },
      )
      const bucket = exists ? used : missing
      const list = (bucket[article.path] ??= [])
      if (!list.includes(exists ? rel : target)) list.push(exists ? rel : target)
      if (exists) everUsed.add(rel)
    }
  }
  const candidates = new Set<string>()
  for (const dir of [...ws.articleDirs, ...(ws.pagesDir ? [ws.pagesDir] : []), ...assetFolders])
    await mediaFiles(ws, dir, candidates)
  const unused = [...candidates].filter((f) => !everUsed.has(f) && !f.startsWith('.folio/')).sort()
  return { used, missing, unused }
}
