/**
 * Reading link and image targets as authors write them: decoding their percent escapes, where a
 * malformed escape (`100%`) is kept as written instead of failing, and splitting off the
 * `?query#fragment` suffix. Shared by the site build, the workspace's link rewriting and the
 * preview; runs in Node and in the browser.
 */

function keepMalformed(decode: (value: string) => string, value: string): string {
  try {
    return decode(value)
  } catch (err) {
    if (err instanceof URIError) return value
    throw err
  }
}

/** `decodeURI(value)`, or `value` itself when it holds a malformed escape. */
export function decodeUriText(value: string): string {
  return keepMalformed(decodeURI, value)
}

/** `decodeURIComponent(value)`, or `value` itself when it holds a malformed escape. */
export function decodeUriPart(value: string): string {
  return keepMalformed(decodeURIComponent, value)
}

/** Splits `target` into its path and its `?query#fragment` suffix (empty when none). */
export function splitTarget(target: string): { pathPart: string; suffix: string } {
  const cut = target.search(/[?#]/)
  return cut === -1
    ? { pathPart: target, suffix: '' }
    : { pathPart: target.slice(0, cut), suffix: target.slice(cut) }
}
