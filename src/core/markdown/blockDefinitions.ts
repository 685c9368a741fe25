/**
 * The link reference definitions a block makes for the whole article, found by parsing the block
 * with the pipeline's own parser (so a `[x]: y` inside code is not one), and whether the block
 * holds something whose effect spans the article in a way a block render cannot reproduce.
 */
import type { Nodes, Root } from 'mdast'
import { parseMarkdown } from './renderMarkdown'

/** What a block defines for the rest of the article. */
export interface BlockDefinitions {
  /** Source of each top-level definition, as written. */
  sources: readonly string[]
  /** Their normalized labels. */
  identifiers: readonly string[]
  /**
   * True when the block holds a footnote definition (footnote numbers span the article) or a
   * definition nested in a quote or list; the article is then rendered whole.
   */
  wholeArticle: boolean
}

const none: BlockDefinitions = { sources: [], identifiers: [], wholeArticle: false }

/** The definitions `text` (one block of an article) makes. */
export function blockDefinitions(text: string): BlockDefinitions {
  // Every definition, footnote or not, has `]:` right after its label.
  if (!text.includes(']:')) return none
  const tree: Root = parseMarkdown(text)
  const sources: string[] = []
  const identifiers: string[] = []
  let wholeArticle = false
  const visit = (node: Nodes, topLevel: boolean): void => {
    if (node.type === 'footnoteDefinition') wholeArticle = true
    else if (node.type === 'definition') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (!topLevel || start === undefined || end === undefined) wholeArticle = true
      else {
        sources.push(text.slice(start, end))
        identifiers.push(node.identifier)
      }
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (const child of node.children) visit(child, false)
    }
  }
  for (const child of tree.children) visit(child, true)
  if (sources.length === 0 && !wholeArticle) return none
  return { sources, identifiers, wholeArticle }
}
