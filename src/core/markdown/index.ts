/**
 * Folio's Markdown pipeline, shared by the preview (in the browser) and the site build (in Node).
 */
export { renderMarkdown } from './renderMarkdown'
export type { RenderMarkdownOptions, RenderedMarkdown } from './renderMarkdown'
export type { Heading } from './rehypeHeadingList'
export type { ImageReference } from './rehypeImageUrls'
export { isRelativeUrl } from './rehypeImageUrls'
export { sanitizeSchema, isAllowedImageDataUrl } from './sanitizeSchema'
export { splitBlocks, type MarkdownBlock } from './splitBlocks'
export {
  createIncrementalRenderer,
  type IncrementalRender,
  type IncrementalRenderer,
  type PartsChange,
  type RenderedBlock,
} from './incrementalRenderer'
export type { MarkdownEdit } from './markdownEdit'
export { ChunkedText, type TextSource } from './chunkedText'
