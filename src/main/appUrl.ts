/** Whether a URL is the app's own renderer page (the built file or the dev server), nothing else. */
export function isAppUrl(url: string, appUrl: string): boolean {
  const base = new URL(appUrl)
  let candidate: URL
  try {
    candidate = new URL(url)
  } catch (err) {
    if (err instanceof TypeError) return false
    throw err
  }
  return (
    candidate.protocol === base.protocol &&
    candidate.host === base.host &&
    candidate.pathname === base.pathname
  )
}
