import type { Root } from 'hast'
import rehypeGithubAlert from 'rehype-github-alert'

/**
 * Rehype plugin for GitHub's alerts: a quote that opens with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` on a line of its own becomes GitHub's
 * `<div class="markdown-alert markdown-alert-note">` with its title and icon (rehype-github-alert),
 * which the theme styles. Runs after sanitizing: it builds its markup only from those five
 * names, around content that was sanitized. The alert keeps the quote's source position, so the
 * line marks for scroll sync (rehypeSourceLines, after it) find it.
 */
export function rehypeAlerts() {
  const alerts = rehypeGithubAlert()
  return (tree: Root): void => {
    if (!tree.children.some((child) => child.type === 'element' && child.tagName === 'blockquote'))
      return
    // NOTE: the plugin replaces each alert's quote in place, at the same index.
    const positions = tree.children.map((child) => child.position)
    alerts(tree)
    tree.children.forEach((child, i) => {
      if (!child.position && positions[i]) child.position = positions[i]
    })
  }
}
