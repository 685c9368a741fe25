/** `folio build [WORKSPACE] [--out DIR] [--drafts]`: writes the static site. */
import type { Command } from 'commander'
import { join, resolve } from 'node:path'
import { FolioError } from '../../core/errors'
import { buildSite } from '../../core/site'
import { openWorkspaceArg } from './workspaceArg'

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('Build the static site')
    .argument('[workspace]', 'workspace folder (default: current folder)')
    .option('--out <dir>', 'output folder (default: WORKSPACE/public; dist in an Astro project)')
    .option('--drafts', 'include drafts and future-dated articles (for a local preview)')
    .action(async (workspace: string | undefined, options: { out?: string; drafts?: boolean }) => {
      const ws = await openWorkspaceArg(workspace)
      // NOTE: an Astro project's public/ holds its static files (Folio's own images too): its
      // sites are built into dist/.
      const defaultOut = ws.layout === 'astro' ? 'dist' : 'public'
      const outDir = options.out ? resolve(options.out) : join(ws.root, defaultOut)
      const report = await buildSite(ws, { outDir, drafts: options.drafts })
      for (const problem of report.problems) {
        process.stderr.write(
          `${problem.path}${problem.line ? `:${problem.line}` : ''}: ${problem.message}\n`,
        )
      }
      for (const note of report.notes ?? []) process.stderr.write(`folio: note: ${note}\n`)
      process.stdout.write(
        `Built ${report.pages} pages (${report.files} files) into ${report.outDir} in ${report.durationMs} ms\n`,
      )
      if (report.problems.length > 0) {
        throw new FolioError(
          'build-failed',
          `The build found ${report.problems.length} problem(s); everything else was built.`,
        )
      }
    })
}
