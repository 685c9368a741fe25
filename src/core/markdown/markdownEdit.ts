/**
 * One replaced range of an article's text: what the editor sends the preview per keystroke, and
 * what the incremental split and renderer update themselves from.
 */

/** Replace `from`..`to` of the old text with `insert` to get the new text. */
export interface MarkdownEdit {
  from: number
  to: number
  insert: string
}

/** Characters compared at once while looking for where two texts differ. */
const chunk = 2048

/**
 * The one range that turns `before` into `after` (their common start and end left out), or null
 * when they are equal. Compares a chunk at a time, so long equal runs cost string compares only.
 */
export function editBetween(before: string, after: string): MarkdownEdit | null {
  if (before === after) return null
  const max = Math.min(before.length, after.length)
  let prefix = 0
  while (
    prefix + chunk <= max &&
    before.slice(prefix, prefix + chunk) === after.slice(prefix, prefix + chunk)
  )
    prefix += chunk
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  const room = max - prefix
  const a = before.length
  const b = after.length
  let suffix = 0
  while (
    suffix + chunk <= room &&
    before.slice(a - suffix - chunk, a - suffix) === after.slice(b - suffix - chunk, b - suffix)
  )
    suffix += chunk
  while (suffix < room && before.charCodeAt(a - 1 - suffix) === after.charCodeAt(b - 1 - suffix))
    suffix++
  return { from: prefix, to: a - suffix, insert: after.slice(prefix, b - suffix) }
}
