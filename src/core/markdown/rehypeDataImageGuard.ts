import type { Root } from 'hast'
import { isAllowedImageDataUrl } from './sanitizeSchema'
import { walkElements } from './walkElements'

/**
 * Rehype plugin that runs right after sanitizing: removes every `data:` URL left in a `src`
 * except inline images in `<img>`, since the schema can only allow or refuse a protocol as a whole.
 */
export function rehypeDataImageGuard() {
  return (tree: Root): void => {
    walkElements(tree, (element) => {
      const src = element.properties.src
      if (typeof src !== 'string' || !/^\s*data:/i.test(src)) return
      if (element.tagName === 'img' && isAllowedImageDataUrl(src)) return
      delete element.properties.src
    })
  }
}
