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
  /** Unique among every block any renderer in this realm produced. */
  id: string
  html: string
  headings: Heading[]
  images: RenderedMarkdown['images']
}

/** One block of an incremental render, in article order. */
export interface RenderedBlock {
  /**
   * Equal ids mean equal HTML apart from the `data-line` numbers, so a consumer that already
   * shows a block with this id can keep it and only renumber its lines.
   */
  readonly id: string
  /** 1-based source line of the block's first line. */
  readonly line: number
  /** The block's HTML, with the `data-line` numbers of its place in the article. */
  readonly html: string
}

export interface IncrementalRender extends RenderedMarkdown {
  /** How many blocks were rendered anew (the rest came from the cache). */
  rendered: number
  blocks: number
  /** The blocks whose HTML, joined with line breaks, is `html`. */
  parts: readonly RenderedBlock[]
}

export interface IncrementalRenderer {
  render(markdown: string): IncrementalRender
}

let lastBlockId = 0

function shiftLines(html: string, by: number): string {
  if (by === 0) return html
  return html.replace(
    / data-line="(\d+)"/g,
    (_, line: string) => ` data-line="${Number(line) + by}"`,
  )
}

/** A block whose line-shifted HTML is only built when somebody reads it. */
function renderedBlock(id: string, line: number, base: string): RenderedBlock {
  let shifted: string | null = null
  return {
    id,
    line,
    get html() {
      shifted ??= shiftLines(base, line - 1)
      return shifted
    },
  }
}

/** A render result whose joined `html` is only built when somebody reads it. */
function incrementalRender(
  parts: readonly RenderedBlock[],
  headings: Heading[],
  images: RenderedMarkdown['images'],
  rendered: number,
  blocks: number,
): IncrementalRender {
  let joined: string | null = null
  return {
    parts,
    headings,
    images,
    rendered,
    blocks,
    get html() {
      joined ??= parts.map((part) => part.html).join('\n')
      return joined
    },
  }
}

/**
 * Gives repeated heading ids the -1, -2 suffixes a whole-document render would give them. A block
 * whose ids were renamed gets an id of its own, since its HTML differs from the cached one.
 */
function dedupeHeadingIds(blocks: { part: CachedBlock; line: number }[]): {
  parts: RenderedBlock[]
  headings: Heading[]
} {
  const seen = new Map<string, number>()
  const headings: Heading[] = []
  const parts: RenderedBlock[] = []
  for (const { part, line } of blocks) {
    let out = part.html
    let id = part.id
    for (const heading of part.headings) {
      const count = seen.get(heading.id) ?? 0
      seen.set(heading.id, count + 1)
      if (count === 0) {
        headings.push(heading)
        continue
      }
      const renamed = `${heading.id}-${count}`
      seen.set(renamed, 1)
      out = out.replace(`id="${heading.id}"`, `id="${renamed}"`)
      id += `#${renamed}`
      headings.push({ ...heading, id: renamed })
    }
    parts.push(renderedBlock(id, line, out))
  }
  return { parts, headings }
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
        const part = renderedBlock(`b${++lastBlockId}`, 1, full.html)
        return incrementalRender([part], full.headings, full.images, 1, 1)
      }
      const blocks = splitBlocks(markdown)
      const definitions = markdown
        .split('\n')
        .filter((line) => definitionLine.test(line))
        .join('\n')
      const next = new Map<string, CachedBlock>()
      const placed: { part: CachedBlock; line: number }[] = []
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
          part = {
            id: `b${++lastBlockId}`,
            html: result.html,
            headings: result.headings,
            images: result.images,
          }
          rendered++
        }
        next.set(key, part)
        placed.push({ part, line: block.line })
        for (const image of part.images) {
          images.push(
            image.line === undefined ? image : { ...image, line: image.line + block.line - 1 },
          )
        }
      }
      cache = next
      const { parts, headings } = dedupeHeadingIds(placed)
      return incrementalRender(parts, headings, images, rendered, blocks.length)
    },
  }
}
