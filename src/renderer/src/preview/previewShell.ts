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
import { tagList } from '../../../core/frontmatter'
import { slugOfPath } from '../state/articleSlug'
import { previewImageUrl } from './imageUrl'
import { bodySlot, composePreviewDocument } from './previewDocument'
import { readFrontMatterFields } from './frontMatterFields'
import type { PreviewSetting } from './renderProtocol'
import type { TextSource } from '../../../core/markdown'

/** The front matter block at the top of a text, fences included. */
export const frontMatterHead =
  /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n(---|\.\.\.|\+\+\+)[ \t]*(\r?\n|$)/
const headOpening = /^(---|\+\+\+)[ \t]*\r?\n/

/**
 * The front matter block at the top of `text` ('' without one), as `frontMatterHead` finds it in
 * the whole text, read from the text's start only.
 */
export function frontMatterHeadOf(text: TextSource): string {
  for (let size = 4096; ; size *= 4) {
    const head = text.slice(0, size)
    const whole = head.length === text.length
    const found = frontMatterHead.exec(head)?.[0]
    // NOTE: a closing line cut by the slice's end may go on in the text; only a whole line counts.
    if (found !== undefined && (whole || found.endsWith('\n'))) return found
    if (whole) return ''
    if (head.includes('\n') && !headOpening.test(head)) return ''
  }
}

let cache: { setting: PreviewSetting; key: string; shell: string; problem?: string } | null = null

function stringField(data: Record<string, unknown>, key: string): string | null {
  const value = data[key]
  if (typeof value === 'string') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'number') return String(value)
  return null
}

/** The article as the site build sees it, from its path and the editor's front matter and body. */
export function previewArticle(
  path: string,
  data: Record<string, unknown>,
  body: string,
): ArticleInput {
  const slug = slugOfPath(path)
  return {
    path,
    slug,
    title: stringField(data, 'title') ?? slug,
    date: stringField(data, 'date'),
    updated: stringField(data, 'updated') ?? stringField(data, 'lastmod'),
    tags: tagList(data.tags ?? data.tag),
    draft: data.draft === true,
    description: stringField(data, 'description') ?? stringField(data, 'summary') ?? '',
    author: stringField(data, 'author') ?? '',
    frontMatter: data,
    body,
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
  const fields = readFrontMatterFields(text.toString())
  let page: string
  let problem = fields.problem && `Front matter: ${fields.problem}`
  try {
    const context = articlePageContext({
      article: previewArticle(path, fields.data, body),
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
