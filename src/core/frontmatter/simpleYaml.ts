/**
 * A fast reader for the plain front matter most articles have (`key: value` lines, simple lists),
 * so listing 10,000 articles stays quick. It accepts only inputs whose meaning under the YAML 1.2
 * core schema is certain and returns null for anything else; the full YAML parser takes over then.
 */

const keyLine = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*?))?[ ]*$/
const itemLine = /^[ ]*-[ ]+(.*?)[ ]*$/
const dateLike =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ ]?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$/
// Plain scalars that start with a letter and hold no YAML indicator that could change meaning.
const safePlain = /^[\p{L}][^#:{}[\]"'`|>&*!%@]*$/u
const reserved = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i

function scalar(raw: string): { value: unknown } | null {
  if (raw === '') return null
  if (/^"[^"\\]*"$/.test(raw)) return { value: raw.slice(1, -1) }
  if (/^'[^']*'$/.test(raw)) return { value: raw.slice(1, -1) }
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' }
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(raw)) return { value: Number(raw) }
  if (dateLike.test(raw)) return { value: raw }
  if (safePlain.test(raw) && !reserved.test(raw)) return { value: raw }
  return null
}

function flowList(raw: string): { value: unknown[] } | null {
  const inner = raw.slice(1, -1).trim()
  if (inner === '') return { value: [] }
  const items: unknown[] = []
  for (const part of inner.split(',')) {
    const item = scalar(part.trim())
    if (!item || (typeof item.value === 'string' && /[,[\]]/.test(item.value))) return null
    items.push(item.value)
  }
  return { value: items }
}

/** Parses simple YAML front matter content; null when the text needs the full YAML parser. */
export function parseSimpleYaml(source: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {}
  const lines = source.split('\n')
  let listKey: string | null = null
  for (const rawLine of lines) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (line.trim() === '' || line.startsWith('#')) continue
    if (line.includes('\t')) return null
    const item = itemLine.exec(line)
    if (item && listKey !== null) {
      const value = scalar(item[1])
      if (!value) return null
      if (data[listKey] === null) data[listKey] = []
      ;(data[listKey] as unknown[]).push(value.value)
      continue
    }
    const m = keyLine.exec(line)
    if (!m || m[1] === '__proto__' || Object.hasOwn(data, m[1])) return null
    const raw = m[2] ?? ''
    listKey = null
    if (raw === '') {
      // `key:` alone is null, unless list items follow.
      data[m[1]] = null
      listKey = m[1]
      continue
    }
    const value = raw.startsWith('[') && raw.endsWith(']') ? flowList(raw) : scalar(raw)
    if (!value) return null
    data[m[1]] = value.value
  }
  return data
}
