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
import { isPublished, newestFirst } from '../../../core/site/publishedArticles'
import { slugOf, type ArticleLayout } from '../../../core/workspace/fields'
import { composePreviewDocument } from './previewDocument'
import { frontMatterHeadOf, previewArticle, previewFrontMatter } from './previewShell'
import type { HomeArticle, PreviewSetting } from './renderProtocol'

/** Articles on the first home page when the site sets no page size. */
const defaultPageSize = 10

function asInput(layout: ArticleLayout, summary: HomeArticle): ArticleInput {
  return {
    path: summary.path,
    slug: slugOf(layout, summary.path),
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
 * among `others` (the workspace's articles). Drafts and future-dated articles other than this one are
 * left out and the newest come first, as the build does.
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
  const head = frontMatterHeadOf(text)
  const fields = previewFrontMatter(head)
  const current = previewArticle(setting.layout, path, fields.data, text.slice(head.length))
  // The others as the build publishes them: no drafts, nothing dated in the future.
  const published = others
    .filter((other) => other.path !== path)
    .map((other) => asInput(setting.layout, other))
    .filter((other) => isPublished(other, {}))
  const articles = [current, ...published].sort(newestFirst)
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
    if (fields.problem) result.problem = fields.problem
    return result
  } catch (err) {
    return {
      shell: '',
      problem: `The theme could not render the home page: ${err instanceof Error ? err.message : String(err)}`,
    }
  }
}
