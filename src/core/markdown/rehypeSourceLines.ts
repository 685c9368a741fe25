import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { renderStateOf } from './renderState'

/**
 * Rehype plugin that marks every top-level block with `data-line="N"`, the 1-based source line
 * where it starts, when the render asked for it, so the preview can keep the editor and the page
 * scrolled together. Runs before KaTeX: a display-math block is wrapped in a `div` that keeps the
 * line, because KaTeX replaces the block itself.
 */
export function rehypeSourceLines() {
  return (tree: Root, file: VFile): void => {
    if (!renderStateOf(file).sourceLines) return
    tree.children = tree.children.map((child) => {
      const line = child.type === 'element' ? child.position?.start.line : undefined
      if (child.type !== 'element' || line === undefined) return child
      if (!isDisplayMath(child)) {
        child.properties.dataLine = line
        return child
      }
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['math-block'], dataLine: line },
        children: [child],
        position: child.position,
      }
      return wrapper
    })
  }
}

function isDisplayMath(element: Element): boolean {
  const code = element.tagName === 'pre' ? element.children[0] : undefined
  if (!code || code.type !== 'element' || code.tagName !== 'code') return false
  const classes = code.properties.className
  return Array.isArray(classes) && classes.includes('math-display')
}

/**
 * `html` rendered by this plugin with every `data-line` number moved by `by`: a block rendered
 * on its own (at line 1) placed at its line in the article, or a block moved by an edit above it.
 */
export function shiftDataLines(html: string, by: number): string {
  if (by === 0) return html
  return html.replace(
    / data-line="(\d+)"/g,
    (_, line: string) => ` data-line="${Number(line) + by}"`,
  )
}
