/**
 * Dates as a reader sees them, the same in the preview and the build (UTC, so a build on another
 * machine gives the same pages).
 */

/** Parses a front matter date (`2024-05-01`, `2024-05-01T10:00:00+02:00`); null when not a date. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "May 1, 2024" in the site language; '' for a missing or invalid date. */
export function displayDate(value: string | null | undefined, language: string): string {
  const date = parseDate(value)
  if (!date) return ''
  try {
    return new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(date)
  } catch (err) {
    // An unknown language tag in folio.yaml falls back to English rather than failing the page.
    if (!(err instanceof RangeError)) throw err
    return new Intl.DateTimeFormat('en', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(date)
  }
}

/** The ISO 8601 form of a front matter date, for `<time datetime>` and feeds; '' when invalid. */
export function isoDate(value: string | null | undefined): string {
  return parseDate(value)?.toISOString() ?? ''
}
