/**
 * Cheap stand-ins for page inputs in page keys: a page whose key is unchanged is not rendered, so
 * a key must change whenever anything the page shows of an article does.
 */
import { readingMinutes } from './render/readingTime'
import type { ArticleInput } from './render/viewTypes'

const cardSignatures = new WeakMap<ArticleInput, string>()
const articleSignatures = new WeakMap<ArticleInput, string>()

/**
 * Everything `articleCard` reads of `article` (the site and root are keyed by the caller);
 * `minutesOf` must answer what `readingMinutes(article.body)` does.
 */
export function cardSignature(
  article: ArticleInput,
  minutesOf: (article: ArticleInput) => number = (a) => readingMinutes(a.body),
): string {
  let signature = cardSignatures.get(article)
  if (signature === undefined) {
    signature = JSON.stringify([
      article.slug,
      article.title,
      article.description,
      article.date,
      article.tags,
      article.author,
      minutesOf(article),
    ])
    cardSignatures.set(article, signature)
  }
  return signature
}

/** Every field of `article` but its body (which the caller keys by its body key). */
export function articleSignature(article: ArticleInput): string {
  let signature = articleSignatures.get(article)
  if (signature === undefined) {
    signature = JSON.stringify({ ...article, body: null })
    articleSignatures.set(article, signature)
  }
  return signature
}
