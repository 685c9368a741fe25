/**
 * The no-change check of a workspace build: a key of everything the build reads, made from file
 * stamps only (nothing is parsed), compared with the key the last build recorded.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { BuildProblem, BuildReport, ThemeBundle } from '../api'
import { toFolioError } from '../errors'
import type { Workspace } from '../workspace'
import type { BuildState } from './buildCache'
import type { SourceStamp } from './loadSources'
import { pipelineVersion } from './renderBody'
import { fileKey, hashOf } from './siteBuild'
import type { BuildOptions } from './siteSource'
import { filesUnder } from './staticFiles'

/** Whether `abs` is a folder (false when it does not exist). */
export async function isFolder(abs: string): Promise<boolean> {
  try {
    return (await fs.stat(abs)).isDirectory()
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return false
    throw toFolioError(err, abs)
  }
}

/** The key of everything a workspace build reads, from stamps only (no file is parsed). */
export async function quickKey(
  ws: Workspace,
  theme: ThemeBundle,
  themeDir: string,
  stamps: SourceStamp[],
  images: string[],
  options: BuildOptions & { now: Date },
): Promise<string> {
  const folders = [path.join(themeDir, 'assets'), path.join(ws.root, 'static')]
  const copies = (
    await Promise.all(
      folders.map((dir) => filesUnder(dir).then((rels) => rels.map((rel) => path.join(dir, rel)))),
    )
  ).flat()
  const copyKeys = await Promise.all(
    [...copies, ...images.map((rel) => path.join(ws.root, rel))].map((abs) => fileKey(abs)),
  )
  return hashOf(
    pipelineVersion,
    JSON.stringify(theme),
    JSON.stringify(ws.config),
    JSON.stringify(ws.configError ?? null),
    String(Boolean(options.drafts)),
    String(options.now.getUTCFullYear()),
    JSON.stringify(stamps.map((s) => [s.path, s.kind, s.stamp])),
    JSON.stringify(copyKeys),
  )
}

/**
 * The report of the last build when it still describes the site: same quick key, same output
 * folder (still there), and no scheduled article gone live since. Null when a build must run.
 */
export async function unchangedReport(
  state: BuildState | null,
  key: string,
  outDir: string,
  now: Date,
  configProblems: BuildProblem[],
): Promise<Omit<BuildReport, 'durationMs' | 'outDir'> | null> {
  if (
    state &&
    state.quickKey === key &&
    state.outDir === outDir &&
    (state.nextChange === null || now.getTime() < state.nextChange) &&
    (await isFolder(outDir))
  ) {
    return {
      pages: state.pages,
      files: Object.keys(state.files).length,
      // Copies: the state is shared with later reads of the cache, the report is the caller's.
      problems: [...configProblems, ...state.problems.map((problem) => ({ ...problem }))],
    }
  }
  return null
}
