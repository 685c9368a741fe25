/**
 * The preview's incremental renderer: the article is split into blocks (see blockSplit) and each
 * block is rendered by the one pipeline and remembered by its source, so a keystroke re-renders
 * only the block it touched, and the work around that render is proportional to the blocks the
 * edit changed, not to the article. The result equals a full `renderMarkdown` of the article
 * with its front matter blanked (`blankFrontMatter`); where it could not (footnotes, whose
 * numbering spans the document), the article is rendered whole.
 */
import { blockDefinitions, type BlockDefinitions } from './blockDefinitions'
import { splitText, updateSplit, type BlockSplit } from './blockSplit'
import type { TextSource } from './chunkedText'
import { blankFrontMatter } from './frontMatterRegion'
import { editBetween, type MarkdownEdit } from './markdownEdit'
import type { Heading } from './rehypeHeadingList'
import { rawHtmlClosed } from './rawHtmlClosed'
import { shiftDataLines } from './rehypeSourceLines'
import {
  renderMarkdown,
  renderMarkdownBlock,
  type RenderMarkdownOptions,
  type RenderedMarkdown,
} from './renderMarkdown'

interface CachedBlock {
  /** Unique among every block any renderer in this realm produced. */
  id: string
  /** What the block was rendered from: its text, after the article's definitions if it uses them. */
  key: string
  html: string
  headings: Heading[]
  images: RenderedMarkdown['images']
  /** Its raw HTML closes what it opens, so it parses the same alone as in the article. */
  closed: boolean
  /** It holds raw HTML, which makes the whole article go through the HTML parser. */
  raw: boolean
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

/**
 * How a render's parts differ from those of the render before it (`from`): `inserted` parts at
 * `start` replace `removed` ones, and the parts after them are the same blocks moved `shift` lines.
 */
export interface PartsChange {
  readonly from: readonly RenderedBlock[]
  readonly start: number
  readonly removed: number
  readonly inserted: number
  readonly shift: number
}

export interface IncrementalRender extends RenderedMarkdown {
  /** How many blocks were rendered anew (the rest came from the cache). */
  rendered: number
  blocks: number
  /** The blocks whose HTML, joined with line breaks, is `html`. */
  parts: readonly RenderedBlock[]
  /** The parts' change from the previous render when it is one run of blocks; else null. */
  change: PartsChange | null
}

export interface IncrementalRenderer {
  /**
   * Renders `markdown` (a string, or a ChunkedText that an edit reaches without copying the whole
   * article). `edit`, when given, must be the change from the text of the previous call; without
   * it the change is found by comparing the two texts.
   */
  render(markdown: TextSource, edit?: MarkdownEdit): IncrementalRender
}

let lastBlockId = 0

/** A block in place, whose line-shifted HTML is only built when somebody reads it. */
class Part implements RenderedBlock {
  private shifted: string | null = null

  constructor(
    readonly id: string,
    readonly line: number,
    /** The HTML as rendered at line 1, heading ids made unique. */
    readonly base: string,
    readonly cached: CachedBlock,
  ) {}

  get html(): string {
    this.shifted ??= shiftDataLines(this.base, this.line - 1)
    return this.shifted
  }

  /** This block at `line`. */
  at(line: number): Part {
    return line === this.line ? this : new Part(this.id, line, this.base, this.cached)
  }
}

/** A render result whose joined `html` and image list are only built when somebody reads them. */
function incrementalRender(
  parts: readonly Part[],
  headings: Heading[],
  rendered: number,
  change: PartsChange | null,
  images?: RenderedMarkdown['images'],
): IncrementalRender {
  let joined: string | null = null
  let found = images ?? null
  return {
    parts,
    headings,
    rendered,
    blocks: parts.length,
    change,
    get html() {
      // Blocks that render nothing (definitions) leave no line break, as in a whole render.
      joined ??= parts
        .filter((part) => part.base !== '')
        .map((part) => part.html)
        .join('\n')
      return joined
    },
    get images() {
      found ??= parts.flatMap(({ cached, line }) =>
        cached.images.map((image) =>
          image.line === undefined ? image : { ...image, line: image.line + line - 1 },
        ),
      )
      return found
    },
  }
}

/**
 * Gives repeated heading ids the -1, -2 suffixes a whole-document render would give them. A block
 * whose ids were renamed gets an id of its own, since its HTML differs from the cached one.
 */
function dedupeHeadingIds(
  cached: readonly CachedBlock[],
  lines: (index: number) => number,
  previous: readonly Part[],
): { parts: Part[]; headings: Heading[] } {
  const seen = new Map<string, number>()
  const headings: Heading[] = []
  const parts: Part[] = []
  for (let i = 0; i < cached.length; i++) {
    const part = cached[i]
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
    const line = lines(i)
    const before = previous[i]
    parts.push(
      before && before.id === id && before.line === line ? before : new Part(id, line, out, part),
    )
  }
  return { parts, headings }
}

const noDefinitions = blockDefinitions('')

/** The Markdown of block `index`: the first block's front matter is blanked, as the build skips it. */
function markdownOf(block: { text: string }, index: number): string {
  return index === 0 ? blankFrontMatter(block.text) : block.text
}

/** What block `index` defines for the rest of the article. */
function definitionsOf(block: { text: string }, index: number): BlockDefinitions {
  return blockDefinitions(markdownOf(block, index))
}

/**
 * Creates a renderer that keeps the blocks of its previous render and reuses them. `options` are
 * fixed for the renderer's life (the image URL mapping of one article).
 */
export function createIncrementalRenderer(
  options: RenderMarkdownOptions = {},
): IncrementalRenderer {
  /** Rendered blocks by what they were rendered from; pruned to the current ones now and then. */
  let cache = new Map<string, CachedBlock>()
  let split: BlockSplit | null = null
  /** Per block of `split`: what it defines, and (unless `whole`) its rendering. */
  let defined: BlockDefinitions[] = []
  let cachedOf: CachedBlock[] = []
  /** Blocks in `cachedOf` whose raw HTML leaves an element open: the article is rendered whole. */
  let unclosed = 0
  /** Blocks in `cachedOf` with raw HTML; when there are any, every block is rendered as raw. */
  let rawBlocks = 0
  let rawArticle = false
  let parts: Part[] = []
  let headings: Heading[] = []
  /** The last render was of the whole article: `cachedOf` and `parts` are not per block. */
  let whole = true
  let definitions = ''
  let definingBlocks = 0
  /** Blocks with a footnote or nested definition, or labels defined twice. */
  let spanning = false

  function recountDefinitions(): void {
    const sources: string[] = []
    const labels = new Set<string>()
    definingBlocks = 0
    spanning = false
    for (const block of defined) {
      if (block.wholeArticle) spanning = true
      if (block.sources.length === 0) continue
      definingBlocks++
      sources.push(...block.sources)
      for (const label of block.identifiers) {
        if (labels.has(label)) spanning = true
        labels.add(label)
      }
    }
    definitions = sources.join('\n')
  }

  /** Whether block `index` is rendered with the other blocks' definitions after it. */
  function usesDefinitions(current: BlockSplit, index: number): boolean {
    if (definitions === '') return false
    if (definingBlocks - (defined[index].sources.length > 0 ? 1 : 0) === 0) return false
    if (index === current.blocks.length - 1 && current.openAt >= 0) return false
    return current.blocks[index].text.includes(']')
  }

  /** True when the last block ends inside code or HTML and may use another block's definitions. */
  function lastBlockNeedsDefinitions(current: BlockSplit): boolean {
    const last = current.blocks.length - 1
    if (current.openAt < 0 || definitions === '') return false
    if (definingBlocks - (defined[last].sources.length > 0 ? 1 : 0) === 0) return false
    const before = current.openAt - current.offsets[last]
    return current.blocks[last].text.slice(0, before).includes(']')
  }

  let rendered = 0
  function place(current: BlockSplit, index: number): CachedBlock {
    const text = markdownOf(current.blocks[index], index)
    const source = usesDefinitions(current, index) ? `${text}\n\n${definitions}\n` : text
    const key = rawArticle ? `\u0001${source}` : source
    let found = cache.get(key)
    // A block with raw HTML goes through the HTML parser either way: its other rendering serves.
    const other = found ? undefined : cache.get(rawArticle ? source : `\u0001${source}`)
    if (other?.raw) {
      found = { ...other, key }
      cache.set(key, found)
    } else if (!found) {
      const result = renderMarkdownBlock(source, options, rawArticle)
      found = {
        id: `b${++lastBlockId}`,
        key,
        html: result.html,
        headings: result.headings,
        images: result.images,
        closed: result.rawHtml.length === 0 || rawHtmlClosed(result.rawHtml),
        raw: result.rawHtml.length > 0,
      }
      cache.set(key, found)
      rendered++
    }
    return found
  }

  function pruneCache(): void {
    if (cache.size <= 2 * cachedOf.length + 256) return
    cache = new Map(cachedOf.map((block) => [block.key, block]))
  }

  function renderWhole(markdown: string): IncrementalRender {
    const full = renderMarkdown(blankFrontMatter(markdown), options)
    const block: CachedBlock = {
      id: `b${++lastBlockId}`,
      key: '',
      closed: true,
      raw: false,
      ...full,
    }
    parts = [new Part(block.id, 1, full.html, block)]
    headings = full.headings
    whole = true
    return incrementalRender(parts, headings, 1, null, full.images)
  }

  function renderAll(current: BlockSplit): IncrementalRender {
    // Blocks that may hold raw HTML first: whether any does decides how all are rendered.
    const blocks = current.blocks
    const next: CachedBlock[] = new Array<CachedBlock>(blocks.length)
    const placeAll = (html: boolean): void => {
      for (let i = 0; i < blocks.length; i++)
        if (blocks[i].text.includes('<') === html) next[i] = place(current, i)
    }
    placeAll(true)
    rawBlocks = next.reduce((count, block) => (block.raw ? count + 1 : count), 0)
    if (rawBlocks > 0 !== rawArticle) {
      rawArticle = rawBlocks > 0
      placeAll(true)
    }
    placeAll(false)
    cachedOf = next
    unclosed = cachedOf.reduce((count, block) => (block.closed ? count : count + 1), 0)
    if (unclosed > 0) return renderWhole(current.text.toString())
    const result = dedupeHeadingIds(cachedOf, (i) => current.blocks[i].line, whole ? [] : parts)
    parts = result.parts
    headings = result.headings
    whole = false
    pruneCache()
    return incrementalRender(parts, headings, rendered, null)
  }

  function renderChange(
    current: BlockSplit,
    change: { start: number; removed: number; inserted: number; shift: number },
  ): IncrementalRender {
    const { start, removed, inserted, shift } = change
    const run: CachedBlock[] = []
    for (let i = start; i < start + inserted; i++) run.push(place(current, i))
    for (let i = start; i < start + removed; i++) if (!cachedOf[i].closed) unclosed--
    for (const block of run) if (!block.closed) unclosed++
    for (let i = start; i < start + removed; i++) if (cachedOf[i].raw) rawBlocks--
    for (const block of run) if (block.raw) rawBlocks++
    if (rawBlocks > 0 !== rawArticle) {
      // Raw HTML appeared in or left the article: every block renders differently now.
      cachedOf = cachedOf.slice(0, start).concat(run, cachedOf.slice(start + removed))
      return renderAll(current)
    }
    cachedOf = cachedOf.slice(0, start).concat(run, cachedOf.slice(start + removed))
    pruneCache()
    if (unclosed > 0) return renderWhole(current.text.toString())
    const before = parts
    const headingsMoved =
      run.some((block) => block.headings.length > 0) ||
      before.slice(start, start + removed).some((part) => part.cached.headings.length > 0)
    if (headingsMoved) {
      // Heading ids are made unique across the article: renumber them all.
      const result = dedupeHeadingIds(cachedOf, (i) => current.blocks[i].line, before)
      parts = result.parts
      headings = result.headings
      return incrementalRender(parts, headings, rendered, null)
    }
    const added = run.map(
      (block, k) => new Part(block.id, current.blocks[start + k].line, block.html, block),
    )
    const tail = before.slice(start + removed)
    parts = before
      .slice(0, start)
      .concat(added, shift === 0 ? tail : tail.map((part) => part.at(part.line + shift)))
    return incrementalRender(parts, headings, rendered, { from: before, ...change })
  }

  return {
    render(markdown, edit) {
      rendered = 0
      const previous = split
      const change =
        previous && (edit ?? editBetween(previous.text.toString(), markdown.toString()))
      if (
        !previous ||
        (edit &&
          previous.text.length + edit.insert.length - (edit.to - edit.from) !== markdown.length)
      ) {
        split = splitText(markdown)
        defined = split.blocks.map(definitionsOf)
        recountDefinitions()
        if (spanning || lastBlockNeedsDefinitions(split)) return renderWhole(markdown.toString())
        return renderAll(split)
      }
      if (!change) {
        const unchanged = { from: parts, start: 0, removed: 0, inserted: 0, shift: 0 }
        return incrementalRender(parts, headings, 0, whole ? null : unchanged)
      }
      const updated = updateSplit(previous, change, markdown)
      const current = updated.split
      const { start, removed, inserted } = updated.change
      split = current
      const gone = defined.slice(start, start + removed)
      const added = current.blocks
        .slice(start, start + inserted)
        .map((block, i) => definitionsOf(block, start + i))
      defined = defined.slice(0, start).concat(added, defined.slice(start + removed))
      const before = definitions
      if (
        gone.some((block) => block !== noDefinitions) ||
        added.some((block) => block !== noDefinitions)
      )
        recountDefinitions()
      if (spanning || lastBlockNeedsDefinitions(current)) return renderWhole(markdown.toString())
      if (whole || definitions !== before) return renderAll(current)
      return renderChange(current, updated.change)
    },
  }
}
