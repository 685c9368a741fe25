/**
 * The preview frame's document: the theme's rendered page with the theme CSS inlined and a strict
 * Content-Security-Policy, and markers around the article body so later renders can patch only
 * the body. Pure string work; runs in the render worker and in unit tests.
 */
// KaTeX's stylesheet, so math looks as it does on the built site (which links the same file):
// without it the hidden MathML copy of each formula shows as plain text under the formula.
import katexCss from 'katex/dist/katex.min.css?inline'

/** Comment that opens the article body inside the preview page. */
export const bodyStartMarker = '<!--folio:body-start-->'
/** Comment that closes the article body inside the preview page. */
export const bodyEndMarker = '<!--folio:body-end-->'
/** What the page is rendered with in place of the article HTML, to find the body afterwards. */
export const bodySlot = bodyStartMarker + bodyEndMarker

/**
 * The CSP of the preview frame: nothing may load or run except images from the workspace (and
 * data:/blob: images) and inline styles. `assetBase` must be an absolute URL prefix.
 */
export function previewCsp(assetBase: string): string {
  const images = /^[a-z][a-z0-9+.-]*:/i.test(assetBase) ? `${assetBase} ` : ''
  return `default-src 'none'; img-src ${images}data: blob:; style-src 'unsafe-inline'; font-src 'self' data:`
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * Inserts the CSP meta tag and the theme stylesheet at the very start of the page's head (adding
 * a head when the page has none), so no theme markup is parsed before the policy applies.
 */
export function composePreviewDocument(pageHtml: string, css: string, assetBase: string): string {
  const safeCss = css.replace(/<\/style/gi, '<\\/style')
  const inject =
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp(assetBase))}">` +
    `<style data-folio-katex>${katexCss}</style>` +
    `<style data-folio-theme>${safeCss}</style>` +
    // NOTE: important, so a theme's smooth scrolling (declared later) cannot turn scroll sync's
    // jumps into animations whose scroll events would echo back to the editor.
    '<style>html{scroll-behavior:auto!important}</style>'
  const head = /<head(\s[^>]*)?>/i.exec(pageHtml)
  if (head) {
    const at = head.index + head[0].length
    return pageHtml.slice(0, at) + inject + pageHtml.slice(at)
  }
  const html = /<html(\s[^>]*)?>/i.exec(pageHtml)
  if (html) {
    const at = html.index + html[0].length
    return pageHtml.slice(0, at) + `<head>${inject}</head>` + pageHtml.slice(at)
  }
  return `<!doctype html><html><head>${inject}</head><body>${pageHtml}</body></html>`
}

/** Puts the article body into a shell rendered with `bodySlot`. */
export function fillBody(shell: string, bodyHtml: string): string {
  const at = shell.indexOf(bodySlot)
  if (at < 0) return shell
  return (
    shell.slice(0, at + bodyStartMarker.length) +
    bodyHtml +
    shell.slice(at + bodyStartMarker.length)
  )
}
