/**
 * Rewrites the `<img>` elements of a rendered body to responsive ones: a `<picture>` with a WebP
 * `srcset`, and the image itself with `srcset`, `sizes`, `width`, `height` and lazy loading.
 */

/** What the page knows of one image, by the `src` the body gives it. */
export interface ResponsiveImage {
  width: number
  height: number
  /** Variant URLs relative to the image's own folder, with their widths and types. */
  files: { name: string; width: number; type: string }[]
}

const sizes = '(min-width: 48rem) 46rem, 100vw'

function srcset(dir: string, files: ResponsiveImage['files']): string {
  return files.map((f) => `${dir}${encodeURIComponent(f.name)} ${f.width}w`).join(', ')
}

/** `html` with every `<img src>` listed in `images` made responsive; other images get `loading="lazy"`. */
export function responsiveImages(html: string, images: Record<string, ResponsiveImage>): string {
  return html.replace(/<img src="([^"]*)"([^>]*)>/g, (whole, src: string, rest: string) => {
    const lazy = /\sloading=/.test(rest) ? '' : ' loading="lazy" decoding="async"'
    const info = Object.hasOwn(images, src) ? images[src] : undefined
    if (!info) return `<img src="${src}"${rest}${lazy}>`
    const dir = src.slice(0, src.lastIndexOf('/') + 1)
    const original = src.slice(dir.length)
    const own = info.files.filter((f) => f.type !== 'image/webp')
    const webp = info.files.filter((f) => f.type === 'image/webp')
    const ownSet = srcset(dir, own) + `${own.length ? ', ' : ''}${dir}${original} ${info.width}w`
    const img = `<img src="${src}"${rest} srcset="${ownSet}" sizes="${sizes}" width="${info.width}" height="${info.height}"${lazy}>`
    if (!webp.length) return img
    return `<picture><source type="image/webp" srcset="${srcset(dir, webp)}" sizes="${sizes}">${img}</picture>`
  })
}
