/**
 * Reading the workspace settings: folio.yaml for Folio's own layout, the engine's config file
 * (title, base URL, language) for Hugo, Jekyll and Hexo. A missing file means defaults; a broken
 * one means defaults plus a `configError` naming the file and line.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { parse as parseToml, TomlError } from 'smol-toml'
import { FolioError, toFolioError } from '../errors'
import type { LayoutInfo, PublishTargetConfig, WorkspaceConfig } from './types'

/** The settings a workspace has when its config says nothing. */
export function defaultConfig(folderName: string): WorkspaceConfig {
  return {
    title: folderName,
    baseUrl: 'http://localhost/',
    language: 'en',
    author: '',
    description: '',
    publish: [],
    theme: 'default',
    pageSize: 10,
    themeSettings: {},
    raw: {},
  }
}

interface Loaded {
  data: Record<string, unknown>
  /** 1-based line of a top-level key or of a nested node, when the format can tell. */
  lineOf: (node: unknown) => number | undefined
  publishNodes: unknown[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function loadYaml(text: string, file: string): Loaded {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const problem = doc.errors[0]
  if (problem) {
    const line = lineCounter.linePos(problem.pos[0]).line
    const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw new FolioError(
      'config',
      `${file} is not valid YAML (${message}); fix it to use its settings.`,
      { path: file, line },
    )
  }
  const data: unknown = doc.toJS() ?? {}
  if (!isRecord(data))
    throw new FolioError('config', `${file} must hold "key: value" settings.`, {
      path: file,
      line: 1,
    })
  const publish = doc.get('publish', true) as YamlNode | undefined
  const publishNodes = isSeq(publish) ? publish.items : []
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as YamlNode | undefined)?.range
    return range ? lineCounter.linePos(range[0]).line : undefined
  }
  return { data, lineOf, publishNodes }
}

function loadToml(text: string, file: string): Loaded {
  try {
    const data = parseToml(text) as Record<string, unknown>
    return { data, lineOf: () => undefined, publishNodes: [] }
  } catch (err) {
    if (!(err instanceof TomlError)) throw err
    throw new FolioError('config', `${file} is not valid TOML (${err.message.split('\n')[0]}).`, {
      path: file,
      line: err.line,
    })
  }
}

function loadJson(text: string, file: string): Loaded {
  try {
    const data: unknown = JSON.parse(text)
    if (!isRecord(data))
      throw new FolioError('config', `${file} must hold a JSON object.`, {
        path: file,
      })
    return { data, lineOf: () => undefined, publishNodes: [] }
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err
    throw new FolioError('config', `${file} is not valid JSON (${err.message}).`, { path: file })
  }
}

function str(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = data[key]
    if (typeof v === 'string') return v
  }
  return undefined
}

/** Validates `publish:` entries; invalid ones are left out and reported as the first problem. */
function readPublish(loaded: Loaded, file: string, problems: FolioError[]): PublishTargetConfig[] {
  const list = loaded.data.publish
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) {
    problems.push(
      new FolioError(
        'config',
        `"publish" in ${file} must be a list of targets, each with a name and a type.`,
        { path: file },
      ),
    )
    return []
  }
  const targets: PublishTargetConfig[] = []
  const seen = new Set<string>()
  list.forEach((entry: unknown, i) => {
    const line = loaded.lineOf(loaded.publishNodes[i])
    const where = { path: file, line }
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name.trim() === '') {
      problems.push(
        new FolioError(
          'config',
          `Publish target ${i + 1} in ${file} needs a non-empty "name".`,
          where,
        ),
      )
    } else if (typeof entry.type !== 'string' || entry.type.trim() === '') {
      problems.push(
        new FolioError(
          'config',
          `Publish target "${entry.name}" in ${file} needs a "type" (folder, git, s3, sftp, ftp).`,
          where,
        ),
      )
    } else if (seen.has(entry.name)) {
      problems.push(
        new FolioError(
          'config',
          `Two publish targets in ${file} are named "${entry.name}"; give each a unique name.`,
          where,
        ),
      )
    } else {
      seen.add(entry.name)
      targets.push(entry as PublishTargetConfig)
    }
  })
  return targets
}

function applyFolio(
  config: WorkspaceConfig,
  loaded: Loaded,
  file: string,
  problems: FolioError[],
): void {
  const d = loaded.data
  for (const key of ['title', 'baseUrl', 'language', 'author', 'description', 'theme'] as const) {
    if (d[key] === undefined || d[key] === null) continue
    if (typeof d[key] === 'string' && d[key] !== '') config[key] = d[key]
    else if (typeof d[key] !== 'string')
      problems.push(
        new FolioError('config', `"${key}" in ${file} must be text.`, {
          path: file,
        }),
      )
  }
  if (d.pageSize !== undefined) {
    if (Number.isInteger(d.pageSize) && (d.pageSize as number) > 0)
      config.pageSize = d.pageSize as number
    else
      problems.push(
        new FolioError('config', `"pageSize" in ${file} must be a whole number above 0.`, {
          path: file,
        }),
      )
  }
  if (isRecord(d.themeSettings)) config.themeSettings = d.themeSettings
  config.publish = readPublish(loaded, file, problems)
}

/** Maps a Hugo/Jekyll/Hexo config's common keys onto the site settings. */
function applyEngine(config: WorkspaceConfig, d: Record<string, unknown>): void {
  config.title = str(d, 'title') || config.title
  // Jekyll splits the address into `url` and `baseurl`; Hugo has one `baseURL`.
  const url = str(d, 'baseURL') ?? `${str(d, 'url') ?? ''}${str(d, 'baseurl') ?? ''}`
  if (url) config.baseUrl = url.replace(/\/?$/, '/')
  config.language =
    str(d, 'languageCode', 'language', 'lang', 'defaultContentLanguage') || config.language
  const author = d.author
  config.author =
    typeof author === 'string'
      ? author
      : isRecord(author) && typeof author.name === 'string'
        ? author.name
        : config.author
  config.description =
    str(d, 'description') ||
    (isRecord(d.params) ? (str(d.params, 'description') ?? '') : '') ||
    config.description
}

/** Reads the config of a workspace at absolute `root` with detected `layout`; never throws for a bad file. */
export async function readConfig(
  root: string,
  layout: LayoutInfo,
): Promise<{ config: WorkspaceConfig; configError?: FolioError }> {
  const config = defaultConfig(path.basename(root))
  const file = layout.configFile
  const loaders: Record<string, (text: string, file: string) => Loaded> = {
    '.yaml': loadYaml,
    '.yml': loadYaml,
    '.toml': loadToml,
    '.json': loadJson,
  }
  const loader = file ? loaders[path.extname(file)] : undefined
  if (!file || !loader) return { config }
  const problems: FolioError[] = []
  try {
    const text = await fs.readFile(path.join(root, file), 'utf8')
    const loaded = loader(text, file)
    config.raw = loaded.data
    if (layout.layout === 'folio') applyFolio(config, loaded, file, problems)
    else applyEngine(config, loaded.data)
  } catch (err) {
    return {
      config: defaultConfig(path.basename(root)),
      configError: toFolioError(err, file),
    }
  }
  return problems.length > 0 ? { config, configError: problems[0] } : { config }
}
