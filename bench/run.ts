/**
 * `npm run bench`: runs every section (or `--only <section>`), prints ONE JSON object with the
 * machine and the figures on stdout and a readable table on stderr. Temporary files go under the
 * OS temp folder and are removed at the end. Exits 1 if a section failed (its error is in the JSON).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { BenchContext, BenchSection } from './benchContext'
import { describeMachine } from './machine'
import { browserSection } from './sections/browser'
import { markdownSection } from './sections/markdown'
import { publishSection } from './sections/publish'
import { siteSection } from './sections/site'
import { workspaceSection } from './sections/workspace'
import { formatTable, formatTargets } from './table'
import { checkTargets } from './targets'
import { useBatchJit } from '../src/core/site/batchJit'

const sections: BenchSection[] = [
  markdownSection,
  workspaceSection,
  siteSection,
  publishSection,
  browserSection,
]

function usage(): string {
  const names = sections.map((s) => `  ${s.name.padEnd(10)} ${s.description}`).join('\n')
  return `Usage: npm run bench -- [--quick] [--only <section>[,<section>]]\n\nSections:\n${names}\n`
}

function parseArgs(argv: string[]): { quick: boolean; only: string[] | null } {
  let quick = false
  let only: string[] | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--quick') quick = true
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length)
      if (!value) throw new Error('--only needs a section name.')
      only = value.split(',')
    } else if (arg === '--help' || arg === '-h') {
      process.stderr.write(usage())
      process.exit(0)
    } else throw new Error(`Unknown option "${arg}".`)
  }
  for (const name of only ?? []) {
    if (!sections.some((s) => s.name === name)) throw new Error(`There is no section "${name}".`)
  }
  return { quick, only }
}

async function main(): Promise<number> {
  // The processes that build sites (the `folio` command, the app's main process) run with this
  // V8 setting, so the bench measures them with it too (src/core/site/batchJit.ts).
  useBatchJit()
  let args
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage()}`)
    return 2
  }
  const started = Date.now()
  const loadAtStart = os.loadavg()[0]
  const tmpRoot = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-'))
  const ctx: BenchContext = {
    quick: args.quick,
    runs: args.quick ? 3 : 7,
    warmup: args.quick ? 1 : 2,
    budgetS: args.quick ? 20 : 45,
    tmpRoot,
    log: (message) =>
      process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`),
    chromium: null,
    fixtures: new Map(),
  }
  const onSignal = () => {
    rm(tmpRoot, { recursive: true, force: true }).finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const results: Record<string, unknown> = {}
  let failed = false
  try {
    for (const section of sections) {
      if (args.only && !args.only.includes(section.name)) continue
      try {
        results[section.name] = await section.run(ctx)
      } catch (err) {
        failed = true
        const message = err instanceof Error ? err.message : String(err)
        results[section.name] = { error: message }
        ctx.log(
          `${section.name} failed: ${err instanceof Error ? (err.stack ?? message) : message}`,
        )
      }
    }
  } finally {
    await rm(tmpRoot, { recursive: true, force: true })
  }
  const output = {
    date: new Date(started).toISOString(),
    quick: args.quick,
    durationS: Math.round((Date.now() - started) / 100) / 10,
    machine: describeMachine(ctx.chromium, loadAtStart),
    targets: checkTargets(results),
    results,
  }
  process.stderr.write(
    `\n${formatTable({ machine: output.machine, ...results })}\n\n${formatTargets(output.targets)}\n`,
  )
  process.stdout.write(JSON.stringify(output, null, 2) + '\n')
  return failed ? 1 : 0
}

process.exitCode = await main()
