/**
 * The published articles and pages as `BodyItem`s: their bodies rendered (only those the cache
 * lacks, on all cores when there are many, each usable as soon as it arrives), their images
 * registered and their links resolved, with every broken image or link reported.
 */
import path from 'node:path'
import type { BuildProblem } from '../api'
import { FolioError, toFolioError } from '../errors'
import { imageDestination, imageSourcePath } from './articleImages'
import { linkLine, resolveLinks, siteLinks } from './articleLinks'
import type { BodyMeta } from './buildCache'
import { imageVariants } from './imageVariants'
import { renderBodiesReported } from './renderBodies'
import type { BodyJob, RenderedBody } from './renderBody'
import { rootFrom, routes } from './render/routes'
import { siteView } from './render/siteView'
import { searchText } from './searchIndex'
import { fileKey, type BodyItem, type SiteBuild } from './siteBuild'
import type { SourceArticle } from './siteSource'

/** Bodies being rendered: the body key of each article, and ways to wait for them. */
export interface PendingBodies {
  keys: string[]
  /** Whether the body of article `i` is in the cache (rendered now or by an earlier build). */
  isReady(i: number): boolean
  /** Resolves when the body of article `i` is in the cache; rejects when rendering failed. */
  ready(i: number): Promise<void>
  /** Resolves when every body is cached; rejects with the error that stopped rendering. */
  finish(): Promise<void>
}

/**
 * Starts rendering the bodies of `articles` the cache lacks (on all cores when there are many),
 * caching each as it arrives, so the caller can use the first ones while the rest render.
 */
export function startBodies(build: SiteBuild, articles: SourceArticle[]): PendingBodies {
  const keys = articles.map((a) => build.bodyKeyOf(a))
  const jobs = new Map<string, BodyJob>()
  articles.forEach((a, i) => {
    if (!build.cache.meta(keys[i]) && !jobs.has(keys[i]))
      jobs.set(keys[i], { path: a.path, slug: a.slug, body: a.body })
  })
  const jobKeys = [...jobs.keys()]
  const waiting = new Map<string, (() => void)[]>()
  const onBody = (index: number, body: RenderedBody) => {
    const key = jobKeys[index]
    const meta = { images: body.images, hasMath: body.hasMath, links: siteLinks(body.html) }
    build.cache.put(key, body, meta, searchText(body.html))
    for (const wake of waiting.get(key) ?? []) wake()
    waiting.delete(key)
  }
  // NOTE: settled at once into a value, so a failed render is never an unhandled rejection even
  // when the caller is still busy elsewhere; `ready` and `finish` rethrow it.
  const settled = renderBodiesReported([...jobs.values()], onBody).then(
    (rendered) => {
      if (rendered.oneThread) build.notes.push(rendered.oneThread)
      if (rendered.slowStart) build.notes.push(rendered.slowStart)
      return null
    },
    (error: unknown) => ({ error }),
  )
  const isReady = (i: number) => build.cache.meta(keys[i]) !== undefined
  return {
    keys,
    isReady,
    ready: (i) =>
      isReady(i)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const list = waiting.get(keys[i])
            if (list) list.push(resolve)
            else waiting.set(keys[i], [resolve])
            void settled.then((failed) => {
              if (failed) reject(failed.error)
              else if (isReady(i)) resolve()
              else
                reject(
                  new FolioError('internal', `The body of ${articles[i].path} was not rendered.`),
                )
            })
          }),
    finish: async () => {
      const failed = await settled
      if (failed) throw failed.error
    },
  }
}

/** Drops articles whose front matter is broken or whose slug is taken, reporting each. */
export function usableArticles(
  build: SiteBuild,
  articles: SourceArticle[],
  taken: Set<string>,
): SourceArticle[] {
  const out: SourceArticle[] = []
  for (const article of articles) {
    if (article.error) {
      build.problem(
        article.path,
        `${article.error.message} The article was left out of the site.`,
        article.error.line,
      )
      continue
    }
    if (taken.has(article.slug)) {
      build.problem(
        article.path,
        `Another article already uses the address "/${article.slug}/"; give this one a different file or folder name.`,
      )
      continue
    }
    taken.add(article.slug)
    out.push(article)
  }
  return out
}

/** Where the links of every article may point: each published article's slug, the site path. */
export interface LinkTargets {
  slugByPath: Map<string, string>
  sitePath: string
}

/** The link targets of a site whose articles and pages are `all`. */
export function linkTargets(build: SiteBuild, all: SourceArticle[]): LinkTargets {
  return {
    slugByPath: new Map(all.map((a) => [a.path, a.slug])),
    sitePath: siteView(build.source.site, { route: '', absoluteRoot: true }).root,
  }
}

/**
 * The item of `article` whose body (key `key`) is cached: its images registered for copying, its
 * links resolved; missing images and links go to `problems`.
 */
export async function bodyItem(
  build: SiteBuild,
  article: SourceArticle,
  kind: BodyItem['kind'],
  key: string,
  targets: LinkTargets,
  problems: BuildProblem[],
): Promise<BodyItem> {
  const meta = build.cache.meta(key) as BodyMeta
  const root = rootFrom(routes.article(article.slug))
  const item: BodyItem = {
    article,
    kind,
    key,
    meta,
    links: resolveLinks(article.path, meta.links, root, targets.slugByPath, targets.sitePath),
    images: {},
  }
  const report = (message: string, line?: number) =>
    problems.push(
      line === undefined ? { path: article.path, message } : { path: article.path, line, message },
    )
  await addImages(build, item, report)
  reportMissingLinks(item, report)
  if (item.meta.hasMath) build.hasMath = true
  return item
}

type Report = (message: string, line?: number) => void

/** Registers the images of one body for copying and reports those that are missing. */
async function addImages(build: SiteBuild, item: BodyItem, report: Report): Promise<void> {
  const { article } = item
  for (const image of item.meta.images) {
    const line = image.line === undefined ? undefined : article.bodyStartLine + image.line - 1
    const from = imageSourcePath(article.path, image.src)
    if (from === null) {
      report(
        `Image "${image.src}" points outside the workspace; move it into the article's folder.`,
        line,
      )
      continue
    }
    const dest = imageDestination(article.path, article.slug, from)
    const abs = path.join(build.source.root, from)
    const key = await fileKey(abs)
    build.images.add(from)
    if (key === null) {
      report(
        `Image "${image.src}" was not found (looked for ${from}); add the file or fix the path.`,
        line,
      )
      continue
    }
    build.files.copy(dest.to, abs, key)
    try {
      const variants = await imageVariants(abs, dest.to, key, build.imageCacheDir)
      if (!variants) continue
      for (const file of variants.files) build.files.copy(file.to, file.from, `${key}:${file.to}`)
      item.images[dest.url] = {
        width: variants.width,
        height: variants.height,
        files: variants.files.map((f) => ({
          name: path.posix.basename(f.to),
          width: f.width,
          type: f.type,
        })),
      }
    } catch (err) {
      report(
        `Image "${image.src}" could not be read as an image (${toFolioError(err).message}); it was copied without smaller sizes.`,
        line,
      )
    }
  }
}

/** Reports each link of `item` to an article that does not exist. */
function reportMissingLinks(item: BodyItem, report: Report): void {
  for (const { href, looked } of item.links.missing) {
    report(
      `Link "${href}" points to an article that does not exist or is not published (looked for ${looked}); fix the link or publish that article.`,
      linkLine(item.article.body, href, item.article.bodyStartLine),
    )
  }
}

/** Reports root-absolute links (`/about/`) in articles that match no file of the site. */
export function checkSitePaths(build: SiteBuild, items: BodyItem[]): void {
  for (const item of items) {
    for (const { href, file } of item.links.sitePaths) {
      if (build.files.has(file) || build.files.has(`${file}/index.html`)) continue
      build.problem(
        item.article.path,
        `Link "${href}" points to a page this site does not have; fix the link.`,
        linkLine(item.article.body, href, item.article.bodyStartLine),
      )
    }
  }
}
