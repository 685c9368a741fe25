/**
 * Splits an article into runs of top-level Markdown blocks that render the same alone as they do
 * in the whole document, so the preview can re-render only the runs that changed. A split is made
 * only at a blank line outside fenced code, math, raw HTML and front matter, where the next line
 * starts a new block (not an indented continuation, and not the next item of an open list).
 */
import { scanBlocks } from './blockScanner'

/** A run of source lines rendered as one unit. */
export interface MarkdownBlock {
  /** 1-based line of the block's first line in the article. */
  line: number
  text: string
}

/** Splits `markdown` into blocks; joining their texts with '\n' gives back `markdown`. */
export function splitBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = []
  let start = 0
  let startLine = 1
  scanBlocks(markdown, 0, 1, true, (offset, line) => {
    blocks.push({ line: startLine, text: markdown.slice(start, offset - 1) })
    start = offset
    startLine = line
    return false
  })
  blocks.push({ line: startLine, text: markdown.slice(start) })
  return blocks
}
