/**
 * The list pages of a build (home with its pages, tags, authors, archive, search, 404): rendered
 * as outcomes first, which needs no article body, so it can run while bodies render on other
 * threads; then added to the site in their fixed order.
 */
import {
  archivePage,
  authorPages,
  homePages,
  notFoundPage,
  searchPage,
  tagPages,
  type ListInput,
  type PlannedPage,
} from './listPages'
import { hashOf, type PageOutcome, type SiteBuild } from './siteBuild'

/** The list pages of `input`, in the order they are added to the site. */
export function planListPages(input: ListInput): PlannedPage[] {
  return [
    ...homePages(input),
    ...tagPages(input),
    ...authorPages(input),
    archivePage(input),
    searchPage(input),
    notFoundPage(input),
  ]
}

/** Renders (or keeps, when the last build wrote it from equal inputs) one planned page. */
export function renderListPage(build: SiteBuild, page: PlannedPage): Promise<PageOutcome> {
  const template = `themes/${build.source.theme.name}/layouts/${page.layout}.liquid`
  const key = hashOf(build.globalKey, page.route, page.layout, page.key)
  return build.renderPageOutcome(page.route, page.layout, key, page.context, template)
}

/** Adds rendered list pages to the site, and all but search and 404 to the sitemap. */
export function addListPages(
  build: SiteBuild,
  planned: PlannedPage[],
  outcomes: PageOutcome[],
): void {
  planned.forEach((page, i) => {
    if (build.addPage(outcomes[i]) && page.kind !== '404' && page.kind !== 'search')
      build.sitemap.push({ route: page.route })
  })
}
