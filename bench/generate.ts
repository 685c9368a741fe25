/**
 * Deterministic generator of realistic blog content for the benchmarks: Markdown articles with
 * front matter, headings, paragraphs, lists, code, quotes, links and the odd table, and whole
 * Folio workspaces (folio.yaml + posts/) of them. The same seed always gives the same bytes.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'
import { createRandom, type Random } from './prng'
import { codeSamples, tags as tagPool, words as wordPool } from './vocabulary'

/** One generated article and the facts about it a benchmark needs. */
export interface GeneratedArticle {
  /** File name without `.md`; unique within a workspace. */
  slug: string
  title: string
  /** `YYYY-MM-DD`. */
  date: string
  tags: string[]
  description: string
  /** The whole file: YAML front matter, then the body. */
  markdown: string
  /** Words of prose in the body (code blocks not counted). */
  words: number
}

/** What an article should look like. */
export interface ArticleOptions {
  /** Target words of prose in the body; the result is within one block of it. */
  words: number
  /** Position in a workspace; makes the slug unique and spreads dates over the years. */
  index?: number
}

/** What a generated workspace holds. */
export interface WorkspaceOptions {
  articles: number
  /** Words per article (each varies by ±20 % around it). */
  words: number
  seed?: number
  title?: string
  /** Extra top-level folio.yaml settings, e.g. `publish:` targets. */
  config?: Record<string, unknown>
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

function phrase(rng: Random, min: number, max: number): string[] {
  return Array.from({ length: rng.int(min, max) }, () => rng.pick(wordPool))
}

/** A sentence with occasional emphasis, inline code or an external link; counts its words. */
function sentence(rng: Random, count: { words: number }): string {
  const parts = phrase(rng, 6, 18)
  count.words += parts.length
  const at = rng.int(0, parts.length - 1)
  const roll = rng.next()
  if (roll < 0.08) parts[at] = `**${parts[at]}**`
  else if (roll < 0.14) parts[at] = `*${parts[at]}*`
  else if (roll < 0.18) parts[at] = `\`${parts[at]}\``
  else if (roll < 0.26)
    parts[at] = `[${parts[at]}](https://example.com/${rng.pick(wordPool)}/${rng.int(1, 999)})`
  parts[0] = capitalize(parts[0])
  return parts.join(' ') + rng.pick(['.', '.', '.', '.', '?', '!'])
}

function paragraph(rng: Random, count: { words: number }): string {
  return Array.from({ length: rng.int(2, 6) }, () => sentence(rng, count)).join(' ')
}

function list(rng: Random, count: { words: number }): string {
  const ordered = rng.chance(0.3)
  return Array.from({ length: rng.int(3, 6) }, (_, i) => {
    const item = phrase(rng, 3, 10)
    count.words += item.length
    return `${ordered ? `${i + 1}.` : '-'} ${capitalize(item.join(' '))}`
  }).join('\n')
}

function code(rng: Random): string {
  const sample = rng.pick(codeSamples)
  return ['```' + sample.lang, ...sample.lines, '```'].join('\n')
}

function quote(rng: Random, count: { words: number }): string {
  return `> ${sentence(rng, count)} ${sentence(rng, count)}`
}

function table(rng: Random, count: { words: number }): string {
  const columns = rng.int(2, 4)
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  const header = Array.from({ length: columns }, () => capitalize(rng.pick(wordPool)))
  const rows = Array.from({ length: rng.int(2, 5) }, () =>
    Array.from({ length: columns }, () => phrase(rng, 1, 3).join(' ')),
  )
  count.words += columns + rows.reduce((sum, cells) => sum + cells.join(' ').split(' ').length, 0)
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')
}

function body(rng: Random, target: number): { text: string; words: number } {
  const count = { words: 0 }
  const blocks: string[] = [paragraph(rng, count)]
  let sinceHeading = count.words
  while (count.words < target) {
    if (count.words - sinceHeading > rng.int(180, 420)) {
      const title = phrase(rng, 2, 6)
      count.words += title.length
      blocks.push(`${rng.chance(0.8) ? '##' : '###'} ${capitalize(title.join(' '))}`)
      sinceHeading = count.words
    }
    const roll = rng.next()
    if (roll < 0.66) blocks.push(paragraph(rng, count))
    else if (roll < 0.8) blocks.push(list(rng, count))
    else if (roll < 0.88) blocks.push(code(rng))
    else if (roll < 0.96) blocks.push(quote(rng, count))
    else blocks.push(table(rng, count))
  }
  return { text: blocks.join('\n\n') + '\n', words: count.words }
}

function dateFor(rng: Random, index: number): string {
  const day = Date.UTC(2012, 0, 1) + (index * 0.5 + rng.next() * 0.5) * 86_400_000
  return new Date(day).toISOString().slice(0, 10)
}

/** Generates one article from `seed`; equal seeds and options give identical Markdown. */
export function generateArticle(seed: number, options: ArticleOptions): GeneratedArticle {
  const rng = createRandom(seed)
  const index = options.index ?? 0
  const titleWords = phrase(rng, 3, 7)
  const title = titleWords.map(capitalize).join(' ')
  const slug = `${titleWords.join('-')}-${index + 1}`
  const date = dateFor(rng, index)
  const tagSet = new Set<string>()
  // Squaring the draw makes the first tags of the pool frequent and the last ones rare.
  const tagCount = rng.int(1, 4)
  while (tagSet.size < tagCount) tagSet.add(tagPool[Math.floor(rng.next() ** 2 * tagPool.length)])
  const tags = [...tagSet]
  const description = capitalize(phrase(rng, 8, 16).join(' ')) + '.'
  const generated = body(rng, options.words)
  const frontMatter = stringify({ title, date, tags, description }, { lineWidth: 0 }).trimEnd()
  const markdown = `---\n${frontMatter}\n---\n\n${generated.text}`
  return { slug, title, date, tags, description, markdown, words: generated.words }
}

/** Generates the articles of a workspace (without writing them): deterministic for a seed. */
export function generateArticles(options: WorkspaceOptions): GeneratedArticle[] {
  const seed = options.seed ?? 1
  const rng = createRandom(seed)
  return Array.from({ length: options.articles }, (_, index) => {
    const words = Math.round(options.words * (0.8 + rng.next() * 0.4))
    return generateArticle((seed * 1_000_003 + index) >>> 0, { words, index })
  })
}

/** Writes `files` (path relative to `root` → text) with a bounded number of writes in flight. */
export async function writeFiles(root: string, files: [string, string][]): Promise<void> {
  const dirs = new Set(files.map(([rel]) => path.dirname(path.join(root, rel))))
  for (const dir of dirs) await fs.mkdir(dir, { recursive: true })
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const [rel, text] = files[next++]
      await fs.writeFile(path.join(root, rel), text)
    }
  }
  await Promise.all(Array.from({ length: 32 }, worker))
}

/**
 * Writes a Folio workspace at `root` (which must exist): folio.yaml and `posts/<slug>.md` for
 * each generated article. Resolves the articles written.
 */
export async function generateWorkspace(
  root: string,
  options: WorkspaceOptions,
): Promise<GeneratedArticle[]> {
  const articles = generateArticles(options)
  const config = {
    title: options.title ?? 'Benchmark Blog',
    baseUrl: 'https://blog.example.com/',
    language: 'en',
    author: 'Bench Author',
    description: 'A generated blog for measuring Folio.',
    ...options.config,
  }
  await writeFiles(root, [
    ['folio.yaml', stringify(config)],
    ...articles.map((a): [string, string] => [`posts/${a.slug}.md`, a.markdown]),
  ])
  return articles
}

/**
 * The offset of a spot inside a prose paragraph nearest to `fraction` of the way through
 * `markdown` (between two words), where a benchmark types or edits as an author would.
 */
export function paragraphOffsetNear(markdown: string, fraction: number): number {
  let lineStart = markdown.lastIndexOf('\n', Math.floor(markdown.length * fraction)) + 1
  for (;;) {
    const lineEnd = markdown.indexOf('\n', lineStart)
    if (lineEnd === -1) throw new Error('No prose paragraph after the requested position.')
    const line = markdown.slice(lineStart, lineEnd)
    if (/^[A-Z][a-z]+ [a-z]/.test(line) && line.length > 80) {
      return lineStart + line.indexOf(' ', Math.floor(line.length / 2))
    }
    lineStart = lineEnd + 1
  }
}
