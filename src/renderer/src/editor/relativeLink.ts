/** Workspace paths as links written inside an article: relative to its folder, URL-encoded. */

/**
 * The link from the article at `fromFile` to the workspace file `to`, relative to the article's
 * folder (`../other/post.md`), with each segment URL-encoded as Markdown needs.
 */
export function relativeLink(fromFile: string, to: string): string {
  const from = fromFile.split('/').slice(0, -1)
  const target = to.split('/')
  let common = 0
  while (common < from.length && common < target.length - 1 && from[common] === target[common])
    common++
  const parts = [...from.slice(common).map(() => '..'), ...target.slice(common)]
  return parts.map((part) => (part === '..' ? part : encodeURIComponent(part))).join('/')
}
