/**
 * Responsive images: every raster image an article uses gets smaller copies (480, 960 and 1600 px
 * wide, never upscaled) in its own format and in WebP, made with sharp and kept in the build
 * cache, so the page can offer `srcset`, `width`/`height` and lazy loading.
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
        if (!(await exists(from))) {
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

async function exists(abs: string): Promise<boolean> {
  try {
    await fs.access(abs)
    return true
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return false
    throw err
  }
}
