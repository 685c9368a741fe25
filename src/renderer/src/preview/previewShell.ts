/**
 * Renders the theme's article page around an empty body slot. The shell depends only on the
 * setting and the front matter, so it is cached by those: typing in the body never re-runs the
 * templates.
 */
import {
  articlePageContext,
  minutesForWords,
  readingMinutes,
  renderPage,
} from '../../../core/site/render'
import type { ArticleInput } from '../../../core/site/render'
import { parseFrontMatter } from '../../../core/frontmatter'
import { frontMatterEnd } from '../../../core/markdown/frontMatterRegion'
import { articleFields, type ArticleLayout } from '../../../core/workspace/fields'
import { previewImageUrl } from './imageUrl'
import { bodySlot, composePreviewDocument } from './previewDocument'
import type { PreviewSetting } from './renderProtocol'
import type { TextSource } from '../../../core/markdown'

/**
 * The front matter block at the top of `text`, fences and BOM included ('' without a closed one):
 * the part of the text the build reads as front matter (core `findFrontMatter`), found from the
 * text's start only.
 */
export function frontMatterHeadOf(text: TextSource): string {
  for (let size = 4096; ; size *= 4) {
    const head = text.slice(0, size)
    const whole = head.length === text.length
    const end = frontMatterEnd(head)
    if (end === 0) return ''
    // NOTE: a closing line cut by the slice's end may go on in the text; only a whole line counts.
    if (end > 0 && (whole || head.charCodeAt(end - 1) === 10)) return head.slice(0, end)
    if (whole) return ''
  }
}

let cache: { setting: PreviewSetting; key: string; shell: string; problem?: string } | null = null

/**
 * The article as the site build sees it: its fields read from `data` by the build's own rules
 * (`articleFields`), with the editor's front matter and body.
 */
export function previewArticle(
  layout: ArticleLayout,
  path: string,
  data: Record<string, unknown>,
  body: string,
): ArticleInput {
  return { path, ...articleFields(layout, path, data), frontMatter: data, body }
}

/** The front matter of `head` as the build parses it, and the problem to show when it cannot. */
export function previewFrontMatter(head: string): {
  data: Record<string, unknown>
  problem?: string
} {
  const parsed = parseFrontMatter(head)
  if (!parsed.error) return { data: parsed.data }
  return {
    data: parsed.data,
    problem: `Front matter, line ${parsed.error.line}: ${parsed.error.message}`,
  }
}

/**
 * The preview document for the article at `path` with text `text`, with an empty body slot, and
 * the front matter or template problem to show, if any. `bodyWords` is the body's word count when
 * the caller keeps it (see BodyWordCount); otherwise the body is counted here.
 */
export function renderPreviewShell(
  setting: PreviewSetting,
  path: string,
  text: TextSource,
  bodyWords?: number,
): { shell: string; problem?: string } {
  const head = frontMatterHeadOf(text)
  // NOTE: the page header shows the reading time, so it is part of the key; the rest of the body
  // only reaches the page through the slot, which keeps keystrokes from reloading the frame.
  const minutes =
    bodyWords === undefined ? readingMinutes(text.slice(head.length)) : minutesForWords(bodyWords)
  const key = [path, head, minutes].join('\u0000')
  if (cache && cache.setting === setting && cache.key === key) return cache
  const body = text.slice(head.length)
  const fields = previewFrontMatter(head)
  let page: string
  let problem = fields.problem
  try {
    const context = articlePageContext({
      article: previewArticle(setting.layout, path, fields.data, body),
      html: bodySlot,
      site: setting.site,
      imageUrl: previewImageUrl(setting.assetBase, path),
      preview: { css: setting.theme.css },
    })
    page = renderPage(setting.theme, 'article', context)
  } catch (err) {
    problem = `The theme could not render this page: ${err instanceof Error ? err.message : String(err)}`
    page = `<!doctype html><html><head></head><body><main>${bodySlot}</main></body></html>`
  }
  // Themes that inline `site.inlineCss` already carry the stylesheet; others get it here.
  const css =
    setting.theme.css && !page.includes(setting.theme.css.slice(0, 200)) ? setting.theme.css : ''
  cache = { setting, key, shell: composePreviewDocument(page, css, setting.assetBase) }
  if (problem) cache.problem = problem
  return cache
}
