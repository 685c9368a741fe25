import type { Root, RootContent } from 'hast'
import rehypeRaw from 'rehype-raw'
import type { VFile } from 'vfile'

function hasRaw(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true
  return 'children' in node && node.children.some(hasRaw)
}

/**
 * Rehype plugin that parses raw HTML written in an article (rehype-raw) only when the article
 * has some: re-parsing a whole tree through parse5 costs about a tenth of a render, and most
 * articles hold no HTML. Without raw nodes the tree is left exactly as it is.
 */
export function rehypeRawWhenPresent() {
  const raw = (rehypeRaw as () => (tree: Root, file: VFile) => Root)()
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? raw(tree, file) : tree)
}
