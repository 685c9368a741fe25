/** How the preview loads an article's relative images: from the workspace through assetBase. */

/**
 * Returns the rewriter for relative image sources of the article at `articlePath`: a source is
 * resolved against the article's folder (a leading `/` means the workspace root) and prefixed with
 * `assetBase`; each path segment is URL-encoded.
 */
export function previewImageUrl(assetBase: string, articlePath: string): (src: string) => string {
  const folder = articlePath.split('/').slice(0, -1)
  return (src) => {
    const [pathPart, suffix = ''] = splitSuffix(src)
    const parts = pathPart.startsWith('/') ? [] : [...folder]
    for (const segment of pathPart.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..') parts.pop()
      else parts.push(safeDecode(segment))
    }
    return assetBase + parts.map(encodeURIComponent).join('/') + suffix
  }
}

function splitSuffix(src: string): [string, string] {
  const at = src.search(/[?#]/)
  return at < 0 ? [src, ''] : [src.slice(0, at), src.slice(at)]
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch (err) {
    if (err instanceof URIError) return segment
    throw err
  }
}
