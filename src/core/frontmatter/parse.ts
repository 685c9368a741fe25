/**
 * Parsing front matter (YAML `---`, TOML `+++`, JSON `{...}`) at the top of a Markdown text into
 * plain data. Never throws: a malformed block is reported with its line, and the text is kept.
 */
import { parseDocument } from 'yaml'
import { parse as parseTomlText, TomlDate, TomlError } from 'smol-toml'
import { parseSimpleYaml } from './simpleYaml'
import { findFrontMatter, isFrontMatterBlock, type FrontMatterFormat } from './split'
import { jsonErrorOffset } from './jsonErrorOffset'
import { scanToml } from './tomlMembers'

/** A front matter problem: what is wrong, and the 1-based line in the whole text. */
export interface FrontMatterProblem {
  message: string
  line: number
}

/** The result of `parseFrontMatter`. `body` is the text after the block, byte for byte. */
export interface ParsedFrontMatter {
  format: FrontMatterFormat | null
  data: Record<string, unknown>
  body: string
  /** 1-based line of the body's first line in the text. */
  bodyStartLine: number
  error?: FrontMatterProblem
}

type DataResult = { data: Record<string, unknown> } | { error: FrontMatterProblem }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseYaml(source: string, firstLine: number): DataResult {
  const simple = parseSimpleYaml(source)
  if (simple) return { data: simple }
  // YAML 1.2 core schema: dates stay the strings written in the file (no timezone shifts).
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true })
  const problem = doc.errors[0]
  if (problem) {
    // An error found at the very end (an unclosed `[`) points at the fence; name the last line.
    const lastLine = firstLine + Math.max((source.match(/\n/g)?.length ?? 0) - 1, 0)
    const line = Math.min((problem.linePos?.[0]?.line ?? 1) + firstLine - 1, lastLine)
    const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    return { error: { message: `YAML: ${message}`, line } }
  }
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return { data: {} }
  if (!isPlainObject(data)) {
    return {
      error: {
        message: 'Front matter must be a list of "key: value" fields.',
        line: firstLine,
      },
    }
  }
  return { data }
}

function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString()
  if (Array.isArray(value)) return value.map(plainToml)
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainToml(v)]))
  }
  return value
}

function parseToml(source: string, firstLine: number): DataResult {
  let parsed: Record<string, unknown>
  try {
    parsed = parseTomlText(source) as Record<string, unknown>
  } catch (err) {
    if (!(err instanceof TomlError)) throw err
    const message = err.message.split('\n')[0].replace(/^Invalid TOML document: /, '')
    return {
      error: { message: `TOML: ${message}`, line: err.line + firstLine - 1 },
    }
  }
  const data = plainToml(parsed) as Record<string, unknown>
  // Top-level dates are returned exactly as written, like YAML's.
  for (const member of scanToml(source).members) {
    if (parsed[member.key] instanceof TomlDate) {
      data[member.key] = source.slice(member.valueStart, member.valueEnd)
    }
  }
  return { data }
}

function parseJson(source: string, firstLine: number): DataResult {
  try {
    const data: unknown = JSON.parse(source)
    if (isPlainObject(data)) return { data }
    return {
      error: {
        message: 'JSON front matter must be an object.',
        line: firstLine,
      },
    }
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err
    const offset = Math.max(jsonErrorOffset(source), 0)
    const line = firstLine + (source.slice(0, offset).match(/\n/g)?.length ?? 0)
    const found = offset < source.length ? `"${source[offset]}"` : 'the end'
    return { error: { message: `JSON: unexpected ${found}.`, line } }
  }
}

const parsers = { yaml: parseYaml, toml: parseToml, json: parseJson }

/** Splits `text` into front matter data and body; BOM and CRLF tolerated, never throws. */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  const found = findFrontMatter(text)
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (found === null) return { format: null, data: {}, body: bare, bodyStartLine: 1 }
  if (!isFrontMatterBlock(found)) {
    const fence = found.format === 'json' ? '}' : found.format === 'toml' ? '+++' : '---'
    return {
      format: found.format,
      data: {},
      body: bare,
      bodyStartLine: 1,
      error: {
        message: `Front matter is never closed: add a "${fence}" line after it.`,
        line: 1,
      },
    }
  }
  const source = text.slice(found.contentStart, found.contentEnd)
  const result = parsers[found.format](source, found.contentStartLine)
  const body = text.slice(found.bodyStart)
  if ('error' in result) {
    return {
      format: found.format,
      data: {},
      body,
      bodyStartLine: found.bodyStartLine,
      error: result.error,
    }
  }
  return {
    format: found.format,
    data: result.data,
    body,
    bodyStartLine: found.bodyStartLine,
  }
}
