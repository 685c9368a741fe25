/**
 * Responsive images: every raster image an article uses gets smaller copies (480, 960 and 1600 px
 * wide, never upscaled) in its own format and in WebP, made with sharp and kept in the build
 * cache, so the page can offer `srcset`, `width`/`height` and lazy loading. Copies no build has
 * used for two weeks are removed from the cache, so it does not grow with every edited image.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { toFolioError } from '../errors'

/** Widths of the smaller copies. */
export const variantWidths = [480, 960, 1600]

const raster = /\.(jpe?g|png|webp)$/i

/** One file of a responsive image: where it goes in the site, where it is made, its width. */
export interface VariantFile {
  /** Site-relative destination. */
  to: string
  /** Absolute file (in the cache) to copy. */
  from: string
  width: number
  type: string
}

/** An image's intrinsic size and its variant files. */
export interface ImageVariants {
  width: number
  height: number
  files: VariantFile[]
}

function mimeOf(ext: string): string {
  const lower = ext.toLowerCase()
  return lower === '.png' ? 'image/png' : lower === '.webp' ? 'image/webp' : 'image/jpeg'
}

/**
 * The variants of the image at `abs` that the site puts at `to`, made (once, into `cacheDir`)
 * when missing; null for images that are not raster (SVG, GIF). `version` names the source's
 * bytes (its copy key), so an edited image gets new variants.
 */
export async function imageVariants(
  abs: string,
  to: string,
  version: string,
  cacheDir: string,
): Promise<ImageVariants | null> {
  const ext = path.extname(to)
  if (!raster.test(ext)) return null
  try {
    const meta = await sharp(abs).metadata()
    if (!meta.width || !meta.height) return null
    const base = to.slice(0, -ext.length)
    const id = createHash('sha1').update(version).digest('hex').slice(0, 16)
    const dir = path.join(cacheDir, 'images')
    await fs.mkdir(dir, { recursive: true })
    const files: VariantFile[] = []
    const widths = [...variantWidths.filter((w) => w < meta.width!), meta.width]
    for (const width of widths) {
      const formats = ext.toLowerCase() === '.webp' ? ['.webp'] : [ext, '.webp']
      for (const format of formats) {
        if (width === meta.width && format === ext) continue
        const from = path.join(dir, `${id}-${width}${format.toLowerCase()}`)
        if (!(await reuse(from))) {
          const tmp = `${from}.${process.pid}.tmp`
          const image = sharp(abs).resize({ width, withoutEnlargement: true })
          await (format === '.webp' ? image.webp({ quality: 80 }) : image).toFile(tmp)
          await fs.rename(tmp, from)
        }
        files.push({
          to: width === meta.width ? `${base}${format}` : `${base}-${width}${format}`,
          from,
          width,
          type: mimeOf(format),
        })
      }
    }
    return { width: meta.width, height: meta.height, files }
  } catch (err) {
    throw toFolioError(err, to)
  }
}

/** A variant file the last use of which is older than this has its time set again on use. */
const touchAfterMs = 24 * 60 * 60 * 1000
/** Variant files (and torn temporary files) no build has used for this long are removed. */
const unusedVariantMs = 14 * 24 * 60 * 60 * 1000

const variantFile = /^[0-9a-f]{16}-\d+\.(jpe?g|png|webp)$|\.tmp$/i

/**
 * Whether the variant file `abs` exists; if it does, its modification time records this use
 * (at most once a day), which is what `pruneImageVariants` goes by.
 */
async function reuse(abs: string): Promise<boolean> {
  try {
    const stat = await fs.stat(abs)
    if (Date.now() - stat.mtimeMs > touchAfterMs) await recordUse(abs)
    return true
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return false
    throw err
  }
}

async function recordUse(abs: string): Promise<void> {
  const now = new Date()
  try {
    await fs.utimes(abs, now, now)
  } catch (err) {
    // NOTE: a cache the build may read but not change still serves; without the record, the
    // file may be removed after two weeks and made again when next needed.
    if (['EPERM', 'EACCES', 'EROFS'].includes((err as { code?: string }).code ?? '')) return
    throw err
  }
}

/**
 * Removes from `cacheDir`'s image folder the variant files that are not in `used` (absolute
 * paths) and that no build has used for `unusedVariantMs`; resolves how many it removed.
 * Called after a whole build: another build of the same workspace running at the same time
 * keeps what it uses, since using a file records the use first.
 */
export async function pruneImageVariants(
  cacheDir: string,
  used: ReadonlySet<string>,
  now = Date.now(),
): Promise<number> {
  const dir = path.join(cacheDir, 'images')
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return 0
    throw toFolioError(err, dir)
  }
  let removed = 0
  for (const name of names) {
    const abs = path.join(dir, name)
    if (!variantFile.test(name) || used.has(abs)) continue
    try {
      const stat = await fs.stat(abs)
      if (!stat.isFile() || now - stat.mtimeMs < unusedVariantMs) continue
      await fs.unlink(abs)
      removed++
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') continue
      throw toFolioError(err, abs)
    }
  }
  return removed
}
