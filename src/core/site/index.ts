/**
 * The static site builder: themes, pages, feeds, sitemap and search index. The theme rendering
 * it shares with the app's preview lives in `./render` (browser-safe).
 */
export { buildSite, buildSiteFrom } from './buildSite'
export type { BuildOptions, SiteSource, SourceArticle, SiteBuildReport } from './buildSite'
export { setRenderWorkerUrl } from './renderBodies'
export { useBatchJit } from './batchJit'
export { loadTheme, locateTheme, readThemeBundle } from './loadTheme'
export type { ThemeLocation } from './loadTheme'
export { setResourcesDir, resourcesDir } from './resourcesDir'
export { renderPage, articlePageContext } from './render'
