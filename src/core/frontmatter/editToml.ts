/**
 * Lossless edits of TOML front matter: a touched top-level `key = value` has only its value
 * replaced (quote style and bare dates kept when possible); new keys go before the first table.
 */
import { parse as parseToml } from 'smol-toml'
import { applyEdits, type TextEdit } from './textEdit'
import { scanToml } from './tomlMembers'

const bareKey = /^[A-Za-z0-9_-]+$/
const tomlDate = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/

function key(name: string): string {
  return bareKey.test(name) ? name : JSON.stringify(name)
}

/** A value as TOML source; `old` is the raw text it replaces, whose style is kept if possible. */
export function tomlValue(value: unknown, old?: string): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') {
    const bareDateBefore = old !== undefined && tomlDate.test(old)
    if (bareDateBefore && tomlDate.test(value)) return value
    if (old?.startsWith("'") && !old.startsWith("'''") && !/['\n\r]/.test(value))
      return `'${value}'`
    // A JSON string is a valid TOML basic string (same escapes) except for U+007F, which TOML wants escaped.
    return JSON.stringify(value).replace(/\u007f/g, '\\u007F')
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan'
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
    return String(value)
  }
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const items = value.map((v) => tomlValue(v)).join(', ')
    return value.length > 0 && old?.startsWith('[ ') ? `[ ${items} ]` : `[${items}]`
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${key(k)} = ${tomlValue(v)}`)
    return entries.length > 0 ? `{ ${entries.join(', ')} }` : '{}'
  }
  throw new Error(`TOML cannot hold the value ${String(value)}.`)
}

/** Edits the TOML front matter content `source` (between the `+++` fences). */
export function editToml(
  source: string,
  fields: Record<string, unknown>,
  lineBreak: string,
): string {
  parseToml(source)
  const layout = scanToml(source)
  const edits: TextEdit[] = []
  let appended = ''
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const member = layout.members.find((m) => m.key === name)
    if (!member) {
      if (value !== null) appended += `${key(name)} = ${tomlValue(value)}${lineBreak}`
      continue
    }
    if (value === null) edits.push({ start: member.lineStart, end: member.lineEnd, insert: '' })
    else {
      const old = source.slice(member.valueStart, member.valueEnd)
      edits.push({ start: member.valueStart, end: member.valueEnd, insert: tomlValue(value, old) })
    }
  }
  if (appended) {
    // After the last top-level key, so a blank line before the first table stays where it is.
    const lastMember = layout.members[layout.members.length - 1]
    const at = lastMember ? lastMember.lineEnd : layout.tablesStart
    const needsBreak = at > 0 && !source.slice(0, at).endsWith('\n')
    edits.push({ start: at, end: at, insert: (needsBreak ? lineBreak : '') + appended })
  }
  const edited = applyEdits(source, edits)
  parseToml(edited)
  return edited
}
