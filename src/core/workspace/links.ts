/**
 * Finding the link and image targets in an article (Markdown inline links, reference
 * definitions, HTML `src`/`href`) and resolving them against the article's folder, so renames can
 * update them and asset listings can see which files are used.
 */
import path from 'node:path'
import { decodeUriText, splitTarget } from '../markdown/urlText'

/** One link target in a text: its offsets and the raw target (without `<>`, title, or spaces). */
export interface LinkTarget {
  start: number
  end: number
  target: string
}

const patterns = [
  // ![alt](target "title") and [text](target), target optionally in <>.
  /\]\(\s*<?([^)\s>]+)>?/g,
  // [id]: target
  /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?/gm,
  // <img src="..."> <a href='...'>
  /\b(?:src|href)\s*=\s*["']([^"'\n]+)["']/g,
]

/** All link targets in `text`, in order. */
export function findLinks(text: string): LinkTarget[] {
  const found: LinkTarget[] = []
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const target = m[1]
      const start = m.index + m[0].lastIndexOf(target)
      found.push({ start, end: start + target.length, target })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * The workspace-relative path a relative link in `fromFile` points to, or null for URLs,
 * root-absolute paths, anchors and links that leave the workspace. `/x` links go to `staticRoot`.
 */
export function resolveLink(
  fromFile: string,
  target: string,
  staticRoot: string | null = null,
): string | null {
  const { pathPart } = splitTarget(target)
  if (pathPart === '' || /^[a-z][a-z0-9+.-]*:/i.test(pathPart) || pathPart.startsWith('//'))
    return null
  const decoded = decodeUriText(pathPart)
  if (decoded.startsWith('/')) {
    if (staticRoot === null) return null
    return path.posix
      .normalize(path.posix.join(staticRoot || '.', decoded.slice(1)))
      .replace(/\/$/, '')
  }
  const joined = path.posix
    .normalize(path.posix.join(path.posix.dirname(fromFile), decoded))
    .replace(/\/$/, '')
  return joined === '..' || joined.startsWith('../') ? null : joined === '.' ? '' : joined
}

/** A relative link from `fromFile` to workspace-relative `to`, URL-encoded where needed. */
export function relativeLink(fromFile: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), to) || '.'
  return encodeURI(rel)
}
