import type { VFile } from 'vfile'
import type { Heading } from './rehypeHeadingList'
import type { ImageReference } from './rehypeImageUrls'

/** Per-render options and findings, carried on the vfile so one frozen pipeline serves all calls. */
export interface RenderState {
  sourceLines: boolean
  imageUrl?: (src: string) => string
  images: ImageReference[]
  headings: Heading[]
}

/** The render state of `file`; the pipeline sets it before running. */
export function renderStateOf(file: VFile): RenderState {
  const state = (file.data as { folio?: RenderState }).folio
  if (!state)
    throw new Error('Markdown render state is missing: call renderMarkdown, not the processor.')
  return state
}
