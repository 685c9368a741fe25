import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { renderStateOf } from './renderState'
import { walkElements } from './walkElements'

/** An image an article refers to, as written, and the source line of its reference. */
export interface ImageReference {
  src: string
  /** 1-based line in the Markdown source, when known. */
  line?: number
}

/** Whether a URL points into the author's own files (not another site, not inline data). */
export function isRelativeUrl(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|\/|#|\?)/i.test(url.trim())
}

/**
 * Rehype plugin that lists every relative `<img src>` in the render state and, when the caller
 * gave `imageUrl`, replaces it (with the preview's asset URL, or the image's URL in the site).
 */
export function rehypeImageUrls() {
  return (tree: Root, file: VFile): void => {
    const state = renderStateOf(file)
    walkElements(tree, (element) => {
      const src = element.properties.src
      if (element.tagName !== 'img' || typeof src !== 'string' || !isRelativeUrl(src)) return
      state.images.push({ src, line: element.position?.start.line })
      if (state.imageUrl) element.properties.src = state.imageUrl(src)
    })
  }
}
