/**
 * The slug an article path has: its file name, or its folder's for a page bundle (`index.md`,
 * Hugo's `_index.md`), without a Jekyll date prefix. The same rule the workspace layer uses.
 */
export function slugOfPath(path: string): string {
  const parts = path.split('/')
  const file = (parts.pop() ?? path).replace(/\.(md|markdown|mdx)$/i, '')
  const name =
    (file === 'index' || file === '_index') && parts.length > 0 ? (parts.pop() as string) : file
  return name.replace(/^\d{4}-\d{2}-\d{2}-/, '')
}
