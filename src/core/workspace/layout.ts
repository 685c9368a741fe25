/**
 * Recognising which blog engine a folder belongs to (Folio, Hugo, Jekyll, Hexo, Eleventy, Astro,
 * or a plain folder of Markdown) from the files at its root, and where its articles live.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { LayoutInfo } from './types'

async function kindAt(root: string, rel: string): Promise<'file' | 'dir' | null> {
  try {
    const st = await fs.stat(path.join(root, rel))
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw err
  }
}

async function firstFile(root: string, names: string[]): Promise<string | null> {
  for (const name of names) if ((await kindAt(root, name)) === 'file') return name
  return null
}

async function firstDir(root: string, names: string[]): Promise<string | null> {
  for (const name of names) if ((await kindAt(root, name)) === 'dir') return name
  return null
}

const hugoConfigs = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
]
const eleventyConfigs = [
  'eleventy.config.js',
  'eleventy.config.mjs',
  'eleventy.config.cjs',
  'eleventy.config.ts',
  '.eleventy.js',
  '.eleventy.cjs',
  '.eleventy.mjs',
]
const astroConfigs = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.cjs',
]

/** The Hugo section new articles go into: an existing posts-like section, else `content/posts`. */
async function hugoSection(root: string): Promise<string> {
  const named = await firstDir(root, [
    'content/posts',
    'content/post',
    'content/blog',
    'content/articles',
  ])
  if (named) return named
  const entries = await fs.readdir(path.join(root, 'content'), {
    withFileTypes: true,
  })
  const section = entries.find((e) => e.isDirectory() && !e.name.startsWith('.'))
  return section ? `content/${section.name}` : 'content/posts'
}

/** Detects the layout of the folder at absolute `root`; a folder matching nothing is 'plain'. */
export async function detectLayout(root: string): Promise<LayoutInfo> {
  if ((await kindAt(root, 'folio.yaml')) === 'file') {
    return {
      layout: 'folio',
      contentDir: 'posts',
      articleDirs: ['posts'],
      draftDirs: [],
      pagesDir: 'pages',
      configFile: 'folio.yaml',
    }
  }
  const hugoConfig = await firstFile(root, hugoConfigs)
  if (hugoConfig && (await kindAt(root, 'content')) === 'dir') {
    return {
      layout: 'hugo',
      contentDir: await hugoSection(root),
      articleDirs: ['content'],
      draftDirs: [],
      pagesDir: null,
      configFile: hugoConfig,
    }
  }
  const jekyllConfig = await firstFile(root, ['_config.yml', '_config.yaml'])
  if (jekyllConfig && (await kindAt(root, 'source/_posts')) === 'dir') {
    return {
      layout: 'hexo',
      contentDir: 'source/_posts',
      articleDirs: ['source/_posts', 'source/_drafts'],
      draftDirs: ['source/_drafts'],
      pagesDir: null,
      configFile: jekyllConfig,
    }
  }
  if (jekyllConfig) {
    return {
      layout: 'jekyll',
      contentDir: '_posts',
      articleDirs: ['_posts', '_drafts'],
      draftDirs: ['_drafts'],
      pagesDir: null,
      configFile: jekyllConfig,
    }
  }
  const eleventyConfig = await firstFile(root, eleventyConfigs)
  if (eleventyConfig) {
    const dir =
      (await firstDir(root, ['src/posts', 'posts', 'content/blog', 'src/blog', 'blog'])) ?? 'posts'
    return {
      layout: 'eleventy',
      contentDir: dir,
      articleDirs: [dir],
      draftDirs: [],
      pagesDir: null,
      configFile: eleventyConfig,
    }
  }
  const astroConfig = await firstFile(root, astroConfigs)
  if (astroConfig) {
    const dir =
      (await firstDir(root, ['src/content/blog', 'src/content/posts', 'src/content/post'])) ??
      'src/content/blog'
    return {
      layout: 'astro',
      contentDir: dir,
      articleDirs: [dir],
      draftDirs: [],
      pagesDir: null,
      configFile: astroConfig,
    }
  }
  return {
    layout: 'plain',
    contentDir: '',
    articleDirs: [''],
    draftDirs: [],
    pagesDir: null,
    configFile: null,
  }
}
