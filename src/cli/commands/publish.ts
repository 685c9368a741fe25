/**
 * `folio publish [WORKSPACE] [--target NAME] [--dry-run] [--json]`: builds the site and publishes
 * it; a build with problems is never published. Secrets come from FOLIO_<NAME>_<SECRET>.
 */
import type { Command } from 'commander'
import { FolioError } from '../../core/errors'
import { envSecretSource, publishSite } from '../../core/publish'
import { publishBuildDir } from '../../core/service/publishHandlers'
import { buildSite } from '../../core/site'
import type { Workspace } from '../../core/workspace'
import { progressPrinter } from '../progress'
import { openWorkspaceArg } from './workspaceArg'

interface PublishOptions {
  target?: string
  dryRun?: boolean
  json?: boolean
  trustHostKey?: boolean
}

function chooseTarget(ws: Workspace, name: string | undefined): string {
  const names = ws.config.publish.map((target) => target.name)
  if (name) {
    if (!names.includes(name)) {
      throw new FolioError(
        'not-found',
        `There is no publish target "${name}" in folio.yaml (targets: ${names.join(', ') || 'none'}).`,
      )
    }
    return name
  }
  if (names.length === 1) return names[0]
  if (names.length === 0)
    throw new FolioError('config', 'folio.yaml has no publish targets; add one under "publish:".')
  throw new FolioError(
    'invalid-argument',
    `Choose a target with --target (one of: ${names.join(', ')}).`,
  )
}

export function registerPublish(program: Command): void {
  program
    .command('publish')
    .description('Build the site and publish it to a target from folio.yaml')
    .argument('[workspace]', 'workspace folder (default: current folder)')
    .option('--target <name>', 'publish target name (required when there are several)')
    .option('--dry-run', 'show what would be uploaded and removed, change nothing')
    .option('--json', 'print progress and the result as JSON lines')
    .option('--trust-host-key', 'trust an SFTP host key seen for the first time')
    .action(async (workspace: string | undefined, options: PublishOptions) => {
      const ws = await openWorkspaceArg(workspace)
      const target = chooseTarget(ws, options.target)
      const siteDir = publishBuildDir(ws)
      const build = await buildSite(ws, { outDir: siteDir })
      if (build.problems.length > 0) {
        for (const problem of build.problems) {
          process.stderr.write(
            `${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}\n`,
          )
        }
        throw new FolioError(
          'build-failed',
          `The build found ${build.problems.length} problem(s), so nothing was published.`,
        )
      }
      const mode = options.json ? 'json' : process.stderr.isTTY ? 'tty' : 'plain'
      const report = await publishSite(ws, target, {
        siteDir,
        dryRun: options.dryRun,
        trustHostKey: options.trustHostKey,
        secrets: envSecretSource(process.env),
        onProgress: progressPrinter(mode, options.json ? process.stdout : process.stderr),
      })
      if (options.json) {
        process.stdout.write(JSON.stringify({ type: 'result', ...report }) + '\n')
        return
      }
      const verb = report.dryRun ? 'Would publish' : 'Published'
      process.stdout.write(
        `${verb} to ${report.target}: ${report.added.length} new, ${report.changed.length} changed, ${report.removed.length} removed (${report.bytes} bytes) -> ${report.location}\n`,
      )
    })
}
