/**
 * The preview's incremental renderer: the article is split into blocks (splitBlocks) and each
 * block is rendered by the one pipeline and remembered by its text, so a keystroke re-renders only
 * the block it touched. The result equals a full `renderMarkdown` of the article; where it could
 * not (footnotes, whose numbering spans the document), it renders the whole article instead.
 */
import { renderMarkdown, type RenderMarkdownOptions, type RenderedMarkdown } from './renderMarkdown'
import { splitBlocks } from './splitBlocks'
import type { Heading } from './rehypeHeadingList'

/** A link reference definition (`[label]: url`), which a block may use from anywhere. */
const definitionLine = /^ {0,3}\[[^\]^][^\]]*\]:\s*\S/
/** A footnote definition; without one, `[^x]` is plain text and blocks stay independent. */
const footnoteDefinition = /^ {0,3}\[\^[^\]]+\]:/m

interface CachedBlock {
  html: string
  headings: Heading[]
  images: RenderedMarkdown['images']
}

export interface IncrementalRender extends RenderedMarkdown {
  /** How many blocks were rendered anew (the rest came from the cache). */
  rendered: number
  blocks: number
}

export interface IncrementalRenderer {
  render(markdown: string): IncrementalRender
}

function shiftLines(html: string, by: number): string {
  if (by === 0) return html
  return html.replace(
    / data-line="(\d+)"/g,
    (_, line: string) => ` data-line="${Number(line) + by}"`,
  )
}

/** Gives repeated heading ids the -1, -2 suffixes a whole-document render would give them. */
function dedupeHeadingIds(parts: CachedBlock[]): { html: string; headings: Heading[] } {
  const seen = new Map<string, number>()
  const headings: Heading[] = []
  const html: string[] = []
  for (const part of parts) {
    let out = part.html
    for (const heading of part.headings) {
      const count = seen.get(heading.id) ?? 0
      seen.set(heading.id, count + 1)
      if (count === 0) {
        headings.push(heading)
        continue
      }
      const id = `${heading.id}-${count}`
      seen.set(id, 1)
      out = out.replace(`id="${heading.id}"`, `id="${id}"`)
      headings.push({ ...heading, id })
    }
    html.push(out)
  }
  return { html: html.join('\n'), headings }
}

/**
 * Creates a renderer that keeps the blocks of the previous renders (bounded) and reuses them.
 * `options` are fixed for the renderer's life (the image URL mapping of one article).
 */
export function createIncrementalRenderer(
  options: RenderMarkdownOptions = {},
): IncrementalRenderer {
  let cache = new Map<string, CachedBlock>()

  return {
    render(markdown) {
      if (footnoteDefinition.test(markdown)) {
        const full = renderMarkdown(markdown, options)
        return { ...full, rendered: 1, blocks: 1 }
      }
      const blocks = splitBlocks(markdown)
      const definitions = markdown
        .split('\n')
        .filter((line) => definitionLine.test(line))
        .join('\n')
      const next = new Map<string, CachedBlock>()
      const parts: CachedBlock[] = []
      const images: RenderedMarkdown['images'] = []
      let rendered = 0
      for (const block of blocks) {
        // Blocks are keyed by text and the definitions they may use, not by position: a block
        // that moved renders the same, and only its data-line numbers shift.
        const key = definitions ? `${definitions}\u0000${block.text}` : block.text
        let part = next.get(key) ?? cache.get(key)
        if (!part) {
          const source = definitions ? `${block.text}\n\n${definitions}\n` : block.text
          const result = renderMarkdown(source, options)
          part = { html: result.html, headings: result.headings, images: result.images }
          rendered++
        }
        next.set(key, part)
        parts.push({ ...part, html: shiftLines(part.html, block.line - 1) })
        for (const image of part.images) {
          images.push(
            image.line === undefined ? image : { ...image, line: image.line + block.line - 1 },
          )
        }
      }
      cache = next
      const { html, headings } = dedupeHeadingIds(parts)
      return { html, headings, images, rendered, blocks: blocks.length }
    },
  }
}
