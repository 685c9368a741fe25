import type { ArticleInput } from '../../../src/core/site/render'

/**
 * An article as the site renderer receives it: `posts/<slug>.md` titled `slug`, dated
 * 2025-01-01, with no tags, author, description or body unless `fields` gives them.
 */
export function articleInput(slug: string, fields: Partial<ArticleInput> = {}): ArticleInput {
  return {
    path: `posts/${slug}.md`,
    slug,
    title: slug,
    date: '2025-01-01',
    updated: null,
    tags: [],
    draft: false,
    description: '',
    author: '',
    frontMatter: {},
    body: '',
    ...fields,
  }
}
