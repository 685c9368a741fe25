import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { renderStateOf } from './renderState'
import { textOf, walkElements } from './walkElements'

/** One heading of an article, for an outline or a table of contents. */
export interface Heading {
  depth: number
  text: string
  id: string
}

/**
 * Rehype plugin that records the article's headings (with the ids rehype-slug gave them) in the
 * render state, in document order. The footnotes section's hidden heading is not part of it.
 */
export function rehypeHeadingList() {
  return (tree: Root, file: VFile): void => {
    const found = renderStateOf(file).headings
    walkElements(tree, (element) => {
      if (element.tagName === 'section' && 'dataFootnotes' in element.properties) return false
      const match = /^h([1-6])$/.exec(element.tagName)
      if (!match) return
      const id = typeof element.properties.id === 'string' ? element.properties.id : ''
      found.push({ depth: Number(match[1]), text: textOf(element).trim(), id })
      return false
    })
  }
}
