/**
 * The only way a URL leaves the app: http(s) and mailto links open in the system browser after
 * their scheme is checked; everything else (file:, javascript:, custom schemes) is refused.
 */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:'])

/** Returns the normalized URL when it may be opened externally, otherwise null. */
export function externalUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch (err) {
    if (err instanceof TypeError) return null
    throw err
  }
  if (!allowedSchemes.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && !url.hostname) return null
  return url.toString()
}
