/** `folio serve [WORKSPACE]`: the site on 127.0.0.1 with live reload while writing. */
import type { Command } from 'commander'
import { serveSite } from '../siteServer'
import { openWorkspaceArg } from './workspaceArg'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the site on 127.0.0.1 and reload it on every change')
    .argument('[workspace]', 'workspace folder (default: current folder)')
    .option('--port <port>', 'port (default: 4000; 0 for any free port)', '4000')
    .option('--drafts', 'include drafts and future-dated articles')
    .action(async (workspace: string | undefined, options: { port: string; drafts?: boolean }) => {
      const ws = await openWorkspaceArg(workspace)
      const site = await serveSite(ws, {
        port: Number(options.port),
        drafts: options.drafts,
        log: (line) => process.stderr.write(line + '\n'),
      })
      process.stdout.write(`Serving ${ws.root} at ${site.url} (Ctrl+C to stop)\n`)
      process.on('SIGINT', () => void site.close().then(() => process.exit(0)))
    })
}
