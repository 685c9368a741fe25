/**
 * `setFrontMatterFields`: the one way Folio changes front matter. Only the named fields change;
 * comments, key order, quoting, unknown keys and the body stay byte for byte.
 */
import { stringify as stringifyYaml } from 'yaml'
import { FolioError } from '../errors'
import { editJson } from './editJson'
import { editToml } from './editToml'
import { editYaml } from './editYaml'
import { parseFrontMatter } from './parse'
import { findFrontMatter, isFrontMatterBlock } from './split'
import { lineBreakOf } from './textEdit'

const editors = { yaml: editYaml, toml: editToml, json: editJson }

/**
 * Returns `text` with the given top-level front matter fields set (a null value removes the
 * field; undefined is ignored). A text without front matter gets a YAML block. Throws FolioError
 * 'frontmatter' (with the line) when the existing front matter is malformed: it is never rewritten.
 */
export function setFrontMatterFields(text: string, fields: Record<string, unknown>): string {
  const parsed = parseFrontMatter(text)
  if (parsed.error) {
    throw new FolioError(
      'frontmatter',
      `The front matter cannot be edited until it is fixed: ${parsed.error.message}`,
      {
        line: parsed.error.line,
      },
    )
  }
  const lineBreak = lineBreakOf(text)
  const found = findFrontMatter(text)
  if (!isFrontMatterBlock(found)) {
    const data = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== null && v !== undefined),
    )
    if (Object.keys(data).length === 0) return text
    const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : ''
    const yaml = stringifyYaml(data, { lineWidth: 0 }).replace(/\n/g, lineBreak)
    return `${bom}---${lineBreak}${yaml}---${lineBreak}${text.slice(bom.length)}`
  }
  const source = text.slice(found.contentStart, found.contentEnd)
  let edited: string
  try {
    edited = editors[found.format](source, fields, lineBreak)
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err)
    throw new FolioError('frontmatter', `The front matter could not be changed: ${message}`, {
      line: found.contentStartLine,
    })
  }
  const result = text.slice(0, found.contentStart) + edited + text.slice(found.contentEnd)
  // NOTE: a last guard before anything is written: the edit must parse and keep the body.
  const check = parseFrontMatter(result)
  if (check.error || check.body !== parsed.body) {
    throw new FolioError(
      'internal',
      'Folio could not change the front matter without altering other text; nothing was changed.',
    )
  }
  return result
}
