/**
 * `folio web [--workspace DIR] [--port N]`: the whole app as a web page on 127.0.0.1 (used by
 * `npm run web`). Without a workspace it reopens the last one, or a copy of the sample blog.
 */
import type { Command } from 'commander'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { envSecretSource } from '../../core/publish'
import {
  ensureSampleWorkspace,
  readAppSettings,
  writeAppSettings,
} from '../../core/service/firstRun'
import { startWebServer } from '../../server'

const settingsFile = join(
  process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'),
  'folio',
  'settings.json',
)
const sampleDir = fileURLToPath(new URL('../../../resources/sample', import.meta.url))

async function defaultWorkspace(): Promise<string> {
  const settings = await readAppSettings(settingsFile)
  if (settings.lastWorkspace) return settings.lastWorkspace
  return ensureSampleWorkspace(join(homedir(), 'Documents'), sampleDir)
}

export function registerWeb(program: Command): void {
  program
    .command('web')
    .description('Run the Folio app as a web page on 127.0.0.1')
    .option('--workspace <dir>', 'folder to open (default: the last one, or the sample blog)')
    .option('--port <port>', 'port (default: a random free port)', '0')
    .action(async (options: { workspace?: string; port: string }) => {
      const workspace = options.workspace ? resolve(options.workspace) : await defaultWorkspace()
      const server = await startWebServer({
        workspace,
        port: Number(options.port),
        secrets: envSecretSource(process.env),
        onWorkspaceOpened: (root) => writeAppSettings(settingsFile, { lastWorkspace: root }),
      })
      process.stdout.write(`Folio is running at ${server.url}\nWorkspace: ${workspace}\n`)
      const stop = () => void server.close().then(() => process.exit(0))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
}
