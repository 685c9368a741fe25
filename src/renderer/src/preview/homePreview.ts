/**
 * The home page preview: the theme's `index` layout with the newest articles, this one among
 * them as the editor has it now, built with the same context pieces as the site build's home page.
 */
import {
  articleCard,
  hasLayout,
  renderPage,
  routes,
  siteView,
  websiteMeta,
} from '../../../core/site/render'
import type { ArticleInput, PageContext } from '../../../core/site/render'
import { composePreviewDocument } from './previewDocument'
import { frontMatterHead, previewArticle } from './previewShell'
import { readFrontMatterFields } from './frontMatterFields'
import type { HomeArticle, PreviewSetting } from './renderProtocol'

/** Articles on the first home page when the site sets no page size. */
const defaultPageSize = 10

function dateValue(date: string | null): number {
  const value = date ? Date.parse(date) : Number.NaN
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value
}

function asInput(summary: HomeArticle): ArticleInput {
  const slug = (summary.path.split('/').pop() ?? summary.path).replace(/\.(md|markdown)$/i, '')
  return {
    path: summary.path,
    slug: slug === 'index' ? (summary.path.split('/').slice(-2)[0] ?? slug) : slug,
    title: summary.title,
    date: summary.date,
    updated: null,
    tags: summary.tags,
    draft: summary.draft,
    description: summary.description ?? '',
    author: '',
    frontMatter: {},
    // NOTE: other articles' bodies are not loaded by the list; cards that show a reading time
    // show it for this article only.
    body: '',
  }
}

/**
 * The whole preview document of the home page with the article at `path` (text `text`) on it,
 * among `others` (the workspace's published articles). Drafts other than this one are left out,
 * as the build does.
 */
export function renderHomePreview(
  setting: PreviewSetting,
  path: string,
  text: string,
  others: readonly HomeArticle[],
): { shell: string; problem?: string } {
  if (!hasLayout(setting.theme, 'index')) {
    return { shell: '', problem: 'This theme has no home page layout (layouts/index.liquid).' }
  }
  const fields = readFrontMatterFields(text)
  const head = frontMatterHead.exec(text)?.[0] ?? ''
  const current = previewArticle(path, fields.data, text.slice(head.length))
  const articles = [
    current,
    ...others.filter((other) => other.path !== path && !other.draft).map(asInput),
  ].sort((a, b) => dateValue(b.date) - dateValue(a.date))
  const onPage = articles.slice(0, defaultPageSize)
  const route = routes.indexPage(1)
  const site = siteView(setting.site, { route, inlineCss: setting.theme.css })
  const pages = Math.max(1, Math.ceil(articles.length / defaultPageSize))
  const context: PageContext = {
    site,
    page: websiteMeta(setting.site, route, 'home', setting.site.title),
    articles: onPage.map((article) => articleCard(article, setting.site, site.root)),
    pagination: {
      page: 1,
      pages,
      prevUrl: '',
      nextUrl: pages > 1 ? site.root + routes.indexPage(2) : '',
    },
  }
  try {
    const page = renderPage(setting.theme, 'index', context)
    const css = page.includes(setting.theme.css.slice(0, 200)) ? '' : setting.theme.css
    const result: { shell: string; problem?: string } = {
      shell: composePreviewDocument(page, css, setting.assetBase),
    }
    if (fields.problem) result.problem = `Front matter: ${fields.problem}`
    return result
  } catch (err) {
    return {
      shell: '',
      problem: `The theme could not render the home page: ${err instanceof Error ? err.message : String(err)}`,
    }
  }
}
