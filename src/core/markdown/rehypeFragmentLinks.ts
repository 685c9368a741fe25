import type { Root } from 'hast'
import { walkElements } from './walkElements'
import { decodeUriPart } from './urlText'

/**
 * Rehype plugin that makes in-page links (`#fn-1`, `#my-anchor`) reach targets whose ids the
 * sanitizer prefixed with `prefix`, the way GitHub does at runtime. Links to ids that exist
 * unprefixed (heading ids) are left alone.
 */
export function rehypeFragmentLinks(options: { prefix: string }) {
  const { prefix } = options
  return (tree: Root): void => {
    const ids = new Set<string>()
    walkElements(tree, (element) => {
      if (typeof element.properties.id === 'string') ids.add(element.properties.id)
    })
    walkElements(tree, (element) => {
      const href = element.properties.href
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return
      // A malformed escape is not a reference to any id; it is compared as written.
      const target = decodeUriPart(href.slice(1))
      if (!ids.has(target) && ids.has(prefix + target))
        element.properties.href = `#${prefix}${target}`
    })
  }
}
