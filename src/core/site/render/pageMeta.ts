import { absoluteUrl } from './routes'
import type { ArticleView, PageMeta, SiteInput } from './viewTypes'

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can end the script. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Head metadata for a list or site page at `route` (home, tag, archive, ...). */
export function websiteMeta(
  site: SiteInput,
  route: string,
  kind: string,
  title: string,
  description?: string,
): PageMeta {
  const canonical = absoluteUrl(site.baseUrl, route)
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.title,
    url: absoluteUrl(site.baseUrl, ''),
    description: site.description || undefined,
  }
  return {
    kind,
    title,
    description: description ?? site.description,
    canonical,
    ogType: 'website',
    image: '',
    published: '',
    modified: '',
    noindex: kind === '404' || kind === 'search',
    jsonLd: scriptSafeJson(jsonLd),
  }
}

/** Head metadata for an article page: canonical URL, Open Graph/Twitter card, BlogPosting JSON-LD. */
export function articleMeta(site: SiteInput, article: ArticleView, kind: string): PageMeta {
  const image = article.cover ? new URL(article.cover, article.canonical).toString() : ''
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': kind === 'page' ? 'WebPage' : 'BlogPosting',
    headline: article.title,
    description: article.description || undefined,
    url: article.canonical,
    mainEntityOfPage: article.canonical,
    datePublished: article.dateIso || undefined,
    dateModified: article.updatedIso || article.dateIso || undefined,
    author: article.author ? { '@type': 'Person', name: article.author } : undefined,
    image: image || undefined,
    keywords: article.tags.length ? article.tags.map((tag) => tag.name).join(', ') : undefined,
    publisher: { '@type': 'Organization', name: site.title },
  }
  return {
    kind,
    title: article.title,
    description: article.description || site.description,
    canonical: article.canonical,
    ogType: kind === 'page' ? 'website' : 'article',
    image,
    published: article.dateIso,
    modified: article.updatedIso,
    noindex: false,
    jsonLd: scriptSafeJson(jsonLd),
  }
}
