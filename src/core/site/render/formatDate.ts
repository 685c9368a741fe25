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

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * A cached `Intl.DateTimeFormat` for `language` with `options` (UTC); an unknown language tag in
 * folio.yaml falls back to English rather than failing the page. Creating one costs far more than
 * formatting with it, and a build formats thousands of dates.
 */
export function dateFormat(
  language: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): Intl.DateTimeFormat {
  const key = `${language}\u0000${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' })
    } catch (err) {
      if (!(err instanceof RangeError)) throw err
      format = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' })
    }
    formats.set(key, format)
  }
  return format
}

/** "May 1, 2024" in the site language; '' for a missing or invalid date. */
export function displayDate(value: string | null | undefined, language: string): string {
  const date = parseDate(value)
  return date ? dateFormat(language, { dateStyle: 'long' }).format(date) : ''
}

/** The ISO 8601 form of a front matter date, for `<time datetime>` and feeds; '' when invalid. */
export function isoDate(value: string | null | undefined): string {
  return parseDate(value)?.toISOString() ?? ''
}
