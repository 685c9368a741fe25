/**
 * `folio`: the command-line door into the core. Every command prints a one-line reason on stderr
 * and exits non-zero when it fails; `--json` output is meant for scripts.
 */
import { Command, CommanderError } from 'commander'
import { FolioError, toFolioError } from '../core/errors'
import { useBatchJit } from '../core/site'
import { registerBuild } from './commands/build'
import { registerList } from './commands/list'
import { registerNew } from './commands/new'
import { registerPublish } from './commands/publish'
import { registerServe } from './commands/serve'
import { registerSet } from './commands/set'
import { registerWeb } from './commands/web'

// The `folio` process is a batch job (build, publish, serve): see batchJit.ts.
useBatchJit()

const program = new Command()
program
  .name('folio')
  .description('Write a blog in Markdown, build it as a static site, publish it.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride()

registerList(program)
registerNew(program)
registerBuild(program)
registerPublish(program)
registerServe(program)
registerSet(program)
registerWeb(program)

function describe(err: FolioError): string {
  const where = err.path ? ` [${err.path}${err.line ? `:${err.line}` : ''}]` : ''
  return `folio: ${err.message}${where}`
}

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode)
  }
  process.stderr.write(describe(toFolioError(err)) + '\n')
  process.exit(err instanceof FolioError && err.code === 'build-failed' ? 2 : 1)
}
