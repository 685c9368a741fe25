/** The prebuilt search index the theme's search script loads (`search.json`). */
import { routes } from './render/routes'
import type { ArticleInput } from './render/viewTypes'

/** One searchable article: site-relative URL and the plain text of its body. */
export interface SearchEntry {
  title: string
  url: string
  date: string
  description: string
  tags: string[]
  text: string
}

/** Plain text of rendered HTML: tags dropped, entities of the common kinds decoded, spaces collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<span class="katex-html"[\s\S]*?<\/span><\/span><\/span>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
    )
    .replace(/\s+/g, ' ')
    .trim()
}

/** The text of a body the search index keeps: its plain text, cut at 20,000 characters. */
export function searchText(html: string): string {
  return plainText(html).slice(0, 20_000)
}

// A rebuild passes the same article objects and texts again (the build cache keeps them in
// memory), so each entry's JSON is encoded once instead of once per build.
const entryBytes = new WeakMap<ArticleInput, { entry: SearchEntry; bytes: Buffer }>()

function sameEntry(a: SearchEntry, b: SearchEntry): boolean {
  return (
    a.title === b.title &&
    a.url === b.url &&
    a.date === b.date &&
    a.description === b.description &&
    a.text === b.text &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  )
}

function searchEntryBytes(article: ArticleInput, text: string): Buffer {
  const entry: SearchEntry = {
    title: article.title,
    url: routes.article(article.slug),
    date: article.date ?? '',
    description: article.description,
    tags: [...article.tags],
    text,
  }
  const known = entryBytes.get(article)
  if (known && sameEntry(known.entry, entry)) return known.bytes
  const bytes = Buffer.from(JSON.stringify(entry))
  entryBytes.set(article, { entry, bytes })
  return bytes
}

const open = Buffer.from('[')
const comma = Buffer.from(',')
const close = Buffer.from(']')

/**
 * The search index of the published articles, as the bytes written to `search.json`: the UTF-8
 * of `JSON.stringify` of the `SearchEntry` list. It is put together from each entry's cached
 * bytes: joining the entries into one string and encoding that (about 10 MB for 4,000 articles)
 * was most of a one-article-changed rebuild.
 */
export function searchIndexBytes(entries: { article: ArticleInput; text: string }[]): Buffer {
  const parts: Buffer[] = [open]
  for (const [i, { article, text }] of entries.entries()) {
    if (i > 0) parts.push(comma)
    parts.push(searchEntryBytes(article, text))
  }
  parts.push(close)
  return Buffer.concat(parts)
}
