/**
 * Theme rendering shared by the site build and the app's preview. Browser-safe: no Node APIs.
 */
export { renderPage, hasLayout, layoutFile } from './renderPage'
export { articlePageContext } from './pageContext'
export type { ArticlePageInput } from './pageContext'
export { articleCard, articleView, tagViews } from './articleView'
export { siteView } from './siteView'
export type { NavPage, SiteViewOptions } from './siteView'
export { websiteMeta, articleMeta, scriptSafeJson } from './pageMeta'
export { routes, routeFile, rootFrom, absoluteUrl, slugify } from './routes'
export { displayDate, isoDate, parseDate } from './formatDate'
export { minutesForWords, readingMinutes, wordCount } from './readingTime'
export type * from './viewTypes'
