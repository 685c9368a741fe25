import type { Element, Root, RootContent } from 'hast'

/** What a walk callback may return: `false` skips the element's children. */
export type WalkResult = void | false

/**
 * Calls `visit` for every element in the tree, parents before children, with the element's
 * parent. Returning `false` from `visit` skips that element's descendants.
 */
export function walkElements(
  tree: Root | Element,
  visit: (element: Element, parent: Root | Element) => WalkResult,
): void {
  const children: RootContent[] = tree.children
  for (const child of children) {
    if (child.type !== 'element') continue
    if (visit(child, tree) === false) continue
    walkElements(child, visit)
  }
}

/** The text content of a hast node, as a reader would see it (no markup). */
export function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => textOf(child)).join('')
  return ''
}
