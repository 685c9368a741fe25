import type { Root, RootContent } from 'hast'
import rehypeRaw from 'rehype-raw'
import type { VFile } from 'vfile'
import { renderStateOf } from './renderState'

function hasRaw(node: Root | RootContent): boolean {
  if (node.type === 'raw') return true
  return 'children' in node && node.children.some(hasRaw)
}

function collectRaw(node: Root | RootContent, found: string[]): void {
  if (node.type === 'raw') found.push(node.value)
  else if ('children' in node) for (const child of node.children) collectRaw(child, found)
}

/**
 * Rehype plugin that parses raw HTML written in an article (rehype-raw) only when the article
 * has some: re-parsing a whole tree through parse5 costs about a tenth of a render, and most
 * articles hold no HTML. Without raw nodes the tree is left exactly as it is. When the render
 * state asks for it, the raw HTML is also collected (see RenderState.rawHtml), or the tree is parsed
 * even without any (RenderState.forceRaw).
 */
export function rehypeRawWhenPresent() {
  const raw = (rehypeRaw as () => (tree: Root, file: VFile) => Root)()
  return (tree: Root, file: VFile): Root => {
    const state = renderStateOf(file)
    if (!hasRaw(tree)) return state.forceRaw ? raw(tree, file) : tree
    if (state.rawHtml) collectRaw(tree, state.rawHtml)
    return raw(tree, file)
  }
}
