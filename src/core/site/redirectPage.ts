/** Redirect pages for renamed articles: each `aliases:` entry becomes a page that forwards. */

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** The HTML of a page that sends readers (and search engines, via canonical) to `target`. */
export function redirectPage(target: string, title: string): string {
  const url = escapeAttr(target)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeAttr(title)}</title>
<link rel="canonical" href="${url}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${url}">
</head>
<body>
<p>This article has moved to <a href="${url}">${escapeAttr(title)}</a>.</p>
</body>
</html>
`
}

/**
 * The site-relative route of an alias as written in front matter (`/old-name/`, `old-name`,
 * `2019/old.html`), or null when it cannot be a page of this site.
 */
export function aliasRoute(alias: string): string | null {
  let route = alias.trim().replace(/^\/+/, '')
  if (route === '' || /^[a-z][a-z0-9+.-]*:/i.test(route) || route.split('/').includes('..'))
    return null
  if (!/\.html?$/i.test(route) && !route.endsWith('/')) route += '/'
  return route
}
