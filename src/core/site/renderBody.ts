/**
 * One article body rendered for the site: the shared Markdown pipeline with the article's image
 * URLs mapped to where the site puts them. A pure function of (path, slug, body), so its result
 * can be cached under `bodyKey` and computed on any thread.
 */
import { createHash } from 'node:crypto'
import { renderMarkdown, type Heading, type ImageReference } from '../markdown'
import { imageDestination, imageSourcePath } from './articleImages'

/** Bump when the pipeline's output changes, so cached bodies from older builds are not reused. */
export const pipelineVersion = 'folio-site-6'

/** What a body render needs: everything its output depends on. */
export interface BodyJob {
  path: string
  slug: string
  body: string
}

/** A rendered body: HTML with site image URLs, its headings and the relative images it uses. */
export interface RenderedBody {
  html: string
  headings: Heading[]
  images: ImageReference[]
  hasMath: boolean
}

/** The cache key of a body render: changes whenever the job or the pipeline does. */
export function bodyKey(job: BodyJob): string {
  return createHash('sha1')
    .update(`${pipelineVersion}\0${job.path}\0${job.slug}\0`)
    .update(job.body)
    .digest('hex')
}

/** The URL, from the article's own page, of image `src` written in the article at `path`. */
export function siteImageUrl(path: string, slug: string, src: string): string {
  const from = imageSourcePath(path, src)
  return from === null ? src : imageDestination(path, slug, from).url
}

/** Renders one body on the calling thread. */
export function renderBody(job: BodyJob): RenderedBody {
  const rendered = renderMarkdown(job.body, {
    imageUrl: (src) => siteImageUrl(job.path, job.slug, src),
  })
  return {
    html: rendered.html,
    headings: rendered.headings,
    images: rendered.images,
    hasMath: rendered.html.includes('class="katex"'),
  }
}
