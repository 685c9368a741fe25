/**
 * `FIELD=VALUE` assignments as typed on the command line (`folio set post.md tags=a,b
 * draft=true description=`), turned into the field values `setFrontMatterFields` takes.
 */
import { FolioError } from '../errors'

const listFields = new Set(['tags', 'categories', 'keywords', 'aliases', 'authors', 'series'])

/**
 * Parses assignments against the article's current `data`: `FIELD=` removes the field (null);
 * `true`/`false` become booleans and whole numbers numbers; a field that is a list (now, or by
 * name like `tags`) takes a comma-separated list; anything else stays text.
 */
export function parseFieldAssignments(
  args: string[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const arg of args) {
    const eq = arg.indexOf('=')
    const name = eq === -1 ? '' : arg.slice(0, eq).trim()
    if (name === '') {
      throw new FolioError(
        'invalid-argument',
        `"${arg}" is not a FIELD=VALUE assignment (for example title=Hello).`,
      )
    }
    const raw = arg.slice(eq + 1)
    if (raw === '') fields[name] = null
    else if (listFields.has(name) || Array.isArray(data[name])) {
      fields[name] = raw
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    } else if (raw === 'true' || raw === 'false') fields[name] = raw === 'true'
    else if (/^-?(0|[1-9]\d{0,14})$/.test(raw)) fields[name] = Number(raw)
    else fields[name] = raw
  }
  return fields
}
