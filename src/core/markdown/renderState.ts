import type { VFile } from 'vfile'
import type { Heading } from './rehypeHeadingList'
import type { ImageReference } from './rehypeImageUrls'

/** Per-render options and findings, carried on the vfile so one frozen pipeline serves all calls. */
export interface RenderState {
  sourceLines: boolean
  imageUrl?: (src: string) => string
  images: ImageReference[]
  headings: Heading[]
  /** When present, the raw HTML written in the article is collected here, in document order. */
  rawHtml?: string[]
  /** Parse through rehype-raw even without raw HTML, as a render of a whole article that has some. */
  forceRaw?: boolean
}

/** The render state of `file`; the pipeline sets it before running. */
export function renderStateOf(file: VFile): RenderState {
  const state = (file.data as { folio?: RenderState }).folio
  if (!state)
    throw new Error('Markdown render state is missing: call renderMarkdown, not the processor.')
  return state
}
