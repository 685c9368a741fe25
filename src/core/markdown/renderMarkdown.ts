/**
 * The ONE Markdown pipeline: the preview and the site build both call `renderMarkdown`, so what
 * the author previews is what gets published. Runs in Node and in the browser.
 *
 * Security: raw HTML in articles is parsed (rehype-raw, when there is any) and then sanitized with Folio's schema
 * (sanitizeSchema.ts) before any trusted markup is added; heading ids, KaTeX and highlighting
 * run after sanitizing because they only produce markup from escaped text, and so do alerts
 * (`> [!NOTE]`), whose markup is built from five fixed names.
 */
import rehypeSanitize from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkMath from 'remark-math'
import { remarkMathDollars } from './remarkMathDollars'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import type { Root } from 'mdast'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { rehypeAlerts } from './rehypeAlerts'
import { rehypeDataImageGuard } from './rehypeDataImageGuard'
import { rehypeFragmentLinks } from './rehypeFragmentLinks'
import { rehypeHeadingList, type Heading } from './rehypeHeadingList'
import { rehypeImageUrls, type ImageReference } from './rehypeImageUrls'
import { rehypeRawWhenPresent } from './rehypeRawWhenPresent'
import { rehypeSourceLines } from './rehypeSourceLines'
import { rehypeHighlightWhenCode, rehypeKatexWhenMath } from './rehypeWhenSourceMay'
import { remarkGfm } from './remarkGfm'
import type { RenderState } from './renderState'
import { sanitizeSchema } from './sanitizeSchema'

/** How a caller wants one render done. */
export interface RenderMarkdownOptions {
  /** Add `data-line="N"` (1-based source line) to every top-level block, for scroll sync. */
  sourceLines?: boolean
  /** Rewrites each relative image `src` (to the preview's asset URL or the built site's URL). */
  imageUrl?: (src: string) => string
}

/** The rendered article body and what the render found in it. */
export interface RenderedMarkdown {
  /** Sanitized HTML of the body. */
  html: string
  headings: Heading[]
  /** Relative images the body refers to, as written, with their source lines. */
  images: ImageReference[]
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkMathDollars)
  // Ids from remark-rehype stay unprefixed; the sanitizer prefixes every id once, and
  // rehypeFragmentLinks points the footnote links at the prefixed ids.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawWhenPresent)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeDataImageGuard)
  .use(rehypeAlerts)
  // NOTE: before KaTeX, which replaces display-math blocks with nodes that have no position.
  .use(rehypeSourceLines)
  .use(rehypeImageUrls)
  .use(rehypeSlug)
  .use(rehypeFragmentLinks, { prefix: sanitizeSchema.clobberPrefix ?? '' })
  .use(rehypeHeadingList)
  .use(rehypeKatexWhenMath, { strict: false })
  .use(rehypeHighlightWhenCode)
  .use(rehypeStringify)
  .freeze()

/**
 * Renders an article's body to sanitized HTML, and lists its headings and relative images.
 * Synchronous and deterministic: the same text and options always give the same HTML. The body is
 * the text after the front matter (core `findFrontMatter`): the build passes only the body, the
 * preview blanks the front matter into empty lines (`blankFrontMatter`). The pipeline itself
 * knows no front matter, so a body that opens with a `---` line renders as the Markdown it is.
 */
export function renderMarkdown(
  markdown: string,
  options: RenderMarkdownOptions = {},
): RenderedMarkdown {
  return runPipeline(markdown, options, undefined)
}

/**
 * The Markdown tree of `markdown` as the pipeline parses it (GFM, math), without
 * rendering it: for readers of the source's structure that must agree with the render.
 */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}

/**
 * `renderMarkdown` of one block of an article, also giving the raw HTML written in it (in document
 * order), for the incremental renderer to tell whether it leaves elements open for the blocks
 * after it. `inRawArticle` renders it as part of an article that has raw HTML elsewhere (its HTML
 * is then re-parsed like the rest, which drops e.g. a code block's leading line break).
 */
export function renderMarkdownBlock(
  markdown: string,
  options: RenderMarkdownOptions,
  inRawArticle: boolean,
): RenderedMarkdown & { rawHtml: string[] } {
  const rawHtml: string[] = []
  return { ...runPipeline(markdown, options, rawHtml, inRawArticle), rawHtml }
}

function runPipeline(
  markdown: string,
  options: RenderMarkdownOptions,
  rawHtml: string[] | undefined,
  forceRaw = false,
): RenderedMarkdown {
  const state: RenderState = {
    sourceLines: options.sourceLines ?? false,
    imageUrl: options.imageUrl,
    images: [],
    headings: [],
    rawHtml,
    forceRaw,
  }
  const file = new VFile({ value: markdown, data: { folio: state } })
  const html = String(processor.processSync(file))
  return { html, headings: state.headings, images: state.images }
}
