/** How the preview loads an article's relative images: from the workspace through assetBase. */
import { decodeUriPart, splitTarget } from '../../../core/markdown/urlText'

/**
 * Returns the rewriter for relative image sources of the article at `articlePath`: a source is
 * resolved against the article's folder (a leading `/` means the workspace root) and prefixed with
 * `assetBase`; each path segment is URL-encoded.
 */
export function previewImageUrl(assetBase: string, articlePath: string): (src: string) => string {
  const folder = articlePath.split('/').slice(0, -1)
  return (src) => {
    const { pathPart, suffix } = splitTarget(src)
    const parts = pathPart.startsWith('/') ? [] : [...folder]
    for (const segment of pathPart.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..') parts.pop()
      else parts.push(decodeUriPart(segment))
    }
    return assetBase + parts.map(encodeURIComponent).join('/') + suffix
  }
}
