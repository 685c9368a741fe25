/**
 * Every page of a build, rendered in the order its inputs arrive: an article page as soon as its
 * body is rendered, list pages (which need no body) while the next body is still on a worker
 * thread. The pages and their problems are then added to the site in the usual order, so the
 * result is the same whichever thread finished first.
 */
import type { BuildProblem } from '../api'
import { addArticlePage, articlePageOutcome, type ArticlePageInputs } from './articlePages'
import { bodyItem, linkTargets, type PendingBodies } from './bodyItems'
import type { PlannedPage } from './listPages'
import { addListPages, renderListPage } from './renderListPage'
import type { BodyItem, PageOutcome, SiteBuild } from './siteBuild'

/** Lets pending I/O and worker replies in before the next page. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * Renders and adds the pages of the published articles (`inputs.published`, whose bodies come
 * first in `bodies`), then the static `pages`, and the `planned` list pages. Resolves the items
 * of the articles and pages, in that order, once every body is rendered.
 */
export async function renderSitePages(
  build: SiteBuild,
  pages: BodyItem['article'][],
  bodies: PendingBodies,
  planned: PlannedPage[],
  inputs: ArticlePageInputs,
): Promise<BodyItem[]> {
  const all = [...inputs.published, ...pages]
  const targets = linkTargets(build, all)
  const items: BodyItem[] = []
  const itemProblems: BuildProblem[] = []
  const pageProblems: BuildProblem[][] = []
  const pageOutcomes: PageOutcome[] = []
  const listOutcomes: PageOutcome[] = []
  const renderNextList = async () =>
    listOutcomes.push(await renderListPage(build, planned[listOutcomes.length]))
  for (let i = 0; i < all.length; i++) {
    while (!bodies.isReady(i) && listOutcomes.length < planned.length) {
      await renderNextList()
      await nextTurn()
    }
    await bodies.ready(i)
    const kind = i < inputs.published.length ? 'article' : 'page'
    const item = await bodyItem(build, all[i], kind, bodies.keys[i], targets, itemProblems)
    const problems: BuildProblem[] = []
    pageOutcomes.push(await articlePageOutcome(build, item, i, inputs, problems))
    items.push(item)
    pageProblems.push(problems)
    if (i % 8 === 7) await nextTurn()
  }
  while (listOutcomes.length < planned.length) await renderNextList()
  await bodies.finish()
  build.problems.push(...itemProblems)
  items.forEach((item, i) => {
    build.problems.push(...pageProblems[i])
    addArticlePage(build, item, pageOutcomes[i])
  })
  addListPages(build, planned, listOutcomes)
  return items
}
