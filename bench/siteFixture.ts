/**
 * The shared 4,000-article blog that the site and publish sections measure: generated once per
 * bench run, built once, and reused (the publish section publishes what the site section built).
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { BenchContext } from './benchContext'
import { generateWorkspace, type GeneratedArticle } from './generate'

/** The generated site workspace and where its build goes. */
export interface SiteFixture {
  /** Workspace folder (folio.yaml + posts/). */
  root: string
  /** Build output folder, outside the workspace. */
  outDir: string
  articles: GeneratedArticle[]
  /** Whether `outDir` holds a finished build of the workspace as it is now. */
  built: boolean
}

/** Number of articles of the site benchmark, as the issues name it. */
export const siteArticleCount = 4000

/** The site fixture of this run, generating its 4,000 articles of ~300 words on first use. */
export async function siteFixture(ctx: BenchContext): Promise<SiteFixture> {
  const existing = ctx.fixtures.get('site') as SiteFixture | undefined
  if (existing) return existing
  const root = path.join(ctx.tmpRoot, 'site-4000')
  await mkdir(root)
  ctx.log(`site: generating ${siteArticleCount} articles`)
  const articles = await generateWorkspace(root, {
    articles: siteArticleCount,
    words: 300,
    seed: 4000,
  })
  const fixture: SiteFixture = {
    root,
    outDir: path.join(ctx.tmpRoot, 'site-4000-out'),
    articles,
    built: false,
  }
  ctx.fixtures.set('site', fixture)
  return fixture
}

/** The site fixture with a finished build in `outDir`, building it now if no section has. */
export async function builtSiteFixture(ctx: BenchContext): Promise<SiteFixture> {
  const fixture = await siteFixture(ctx)
  if (fixture.built) return fixture
  const { buildSite } = await import('../src/core/site')
  const { openWorkspace } = await import('../src/core/workspace')
  ctx.log('site: building the site')
  await buildSite(await openWorkspace(fixture.root), { outDir: fixture.outDir })
  fixture.built = true
  return fixture
}
