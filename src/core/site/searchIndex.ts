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
// memory), so each entry's JSON is made once instead of once per build.
const entryJson = new WeakMap<ArticleInput, { entry: SearchEntry; json: string }>()

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

function searchEntryJson(article: ArticleInput, text: string): string {
  const entry: SearchEntry = {
    title: article.title,
    url: routes.article(article.slug),
    date: article.date ?? '',
    description: article.description,
    tags: [...article.tags],
    text,
  }
  const known = entryJson.get(article)
  if (known && sameEntry(known.entry, entry)) return known.json
  const json = JSON.stringify(entry)
  entryJson.set(article, { entry, json })
  return json
}

/**
 * The search index of the published articles, as the JSON text written to `search.json` (the
 * same text as `JSON.stringify` of the `SearchEntry` list).
 */
export function searchIndexJson(entries: { article: ArticleInput; text: string }[]): string {
  return `[${entries.map(({ article, text }) => searchEntryJson(article, text)).join(',')}]`
}
