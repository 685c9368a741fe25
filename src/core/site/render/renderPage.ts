/**
 * Theme rendering with LiquidJS from an in-memory copy of the theme: the build and the app's
 * preview both call `renderPage`, so the preview is the published page. A theme cannot read
 * files or run code; it only sees the context it is given.
 */
import { Liquid, LiquidError } from 'liquidjs'
import type { ThemeBundle } from '../../api'
import { FolioError } from '../../errors'

const engines = new WeakMap<ThemeBundle, Liquid>()

function engineFor(theme: ThemeBundle): Liquid {
  let engine = engines.get(theme)
  if (!engine) {
    engine = new Liquid({
      // In-memory templates: no file system lookups, whatever a template names.
      templates: theme.templates,
      extname: '.liquid',
      // Everything is HTML-escaped unless a template says `| raw` (the rendered article body).
      outputEscape: 'escape',
      strictFilters: true,
      ownPropertyOnly: true,
      cache: true,
    })
    engines.set(theme, engine)
  }
  return engine
}

/** Template file name of a layout given as `article` or `layouts/article.liquid`. */
export function layoutFile(layout: string): string {
  const withDir = layout.includes('/') ? layout : `layouts/${layout}`
  return withDir.endsWith('.liquid') ? withDir : `${withDir}.liquid`
}

/** Whether `theme` has the layout named `layout`. */
export function hasLayout(theme: ThemeBundle, layout: string): boolean {
  return Object.hasOwn(theme.templates, layoutFile(layout))
}

/**
 * Renders `layout` of `theme` with `context` to a complete HTML page. Throws a FolioError
 * ('build-failed') naming the template file (as `themes/<name>/<file>`) and line on a template
 * error or a missing layout.
 */
export function renderPage(theme: ThemeBundle, layout: string, context: object): string {
  const file = layoutFile(layout)
  if (!hasLayout(theme, layout)) {
    throw new FolioError(
      'build-failed',
      `Theme "${theme.name}" has no layout "${layout}" (expected ${file}).`,
      { path: `themes/${theme.name}/${file}` },
    )
  }
  try {
    // Looked up without the extension: the engine adds `extname` itself.
    const name = file.slice(0, -'.liquid'.length)
    return engineFor(theme).renderFileSync(name, context as Record<string, unknown>) as string
  } catch (err) {
    throw templateError(theme, file, err)
  }
}

function templateError(theme: ThemeBundle, file: string, err: unknown): FolioError {
  if (!(err instanceof LiquidError)) {
    const message = err instanceof Error ? err.message : String(err)
    return new FolioError('build-failed', `Theme "${theme.name}": ${message}`, {
      path: `themes/${theme.name}/${file}`,
    })
  }
  const token = (err as { token?: { file?: string; getPosition?: () => number[] } }).token
  const where = token?.file ?? file
  const line = token?.getPosition?.()[0]
  const reason = err.message.split(', file:')[0]
  return new FolioError(
    'build-failed',
    `Template error in theme "${theme.name}" (${where}): ${reason}. Fix the template to build this page.`,
    { path: `themes/${theme.name}/${where}`, line },
  )
}
