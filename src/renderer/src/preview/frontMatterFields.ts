/**
 * Reads the front matter fields the page template shows (title, date, tags, ...) from the text in
 * the editor, so the preview's page header follows typing. Tolerant: a half-typed block yields
 * whatever can be read, never an exception.
 */
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'

/** Front matter as plain data (keys as written), plus the problem when it could not be parsed. */
export interface FrontMatterFields {
  data: Record<string, unknown>
  problem?: string
}

const yamlBlock = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
const tomlBlock = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** Parses the YAML (`---`), TOML (`+++`) or JSON (`{`) front matter at the start of `text`. */
export function readFrontMatterFields(text: string): FrontMatterFields {
  try {
    const yaml = yamlBlock.exec(text)
    if (yaml) return { data: asRecord(parseYaml(yaml[1])) }
    const toml = tomlBlock.exec(text)
    if (toml) return { data: asRecord(parseToml(toml[1])) }
    if (text.startsWith('{')) {
      const end = text.indexOf('\n}')
      if (end > 0) return { data: asRecord(JSON.parse(text.slice(0, end + 2))) }
    }
    return { data: {} }
  } catch (err) {
    return { data: {}, problem: err instanceof Error ? err.message : String(err) }
  }
}
