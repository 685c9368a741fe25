/**
 * A front matter list field (tags, categories) as strings, whether it was written as a list
 * (`[a, b]`, `- a`) or as one comma-separated string (`tags: a, b`). Empty items are dropped.
 */
export function tagList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
          ? String(item)
          : item instanceof Date
            ? item.toISOString()
            : '',
      )
      .filter(Boolean)
  }
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
  }
  return []
}
