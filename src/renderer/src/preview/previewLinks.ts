/**
 * Link clicks inside the preview frame: the frame never navigates. In-page anchors scroll the
 * frame; http(s) and mailto links open outside the app; anything else is ignored.
 */

const externalSchemes = new Set(['http:', 'https:', 'mailto:'])

/** Whether a link target may be handed to the system browser / mail client. */
export function isExternalLink(href: string): boolean {
  try {
    return externalSchemes.has(new URL(href).protocol)
  } catch (err) {
    if (err instanceof TypeError) return false
    throw err
  }
}

/**
 * Installs the click interception on a preview frame's document. `openExternal` receives only
 * http(s)/mailto URLs.
 */
export function interceptPreviewLinks(doc: Document, openExternal: (url: string) => void): void {
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null
    const link = target?.closest?.('a[href]')
    if (!link) return
    event.preventDefault()
    if (event.type !== 'click') return
    const href = link.getAttribute('href') ?? ''
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1))
      doc.getElementById(id)?.scrollIntoView({ block: 'start' })
      return
    }
    if (isExternalLink(href)) openExternal(href)
  }
  doc.addEventListener('click', onClick, true)
  doc.addEventListener('auxclick', onClick, true)
  doc.addEventListener('submit', (event) => event.preventDefault(), true)
}
