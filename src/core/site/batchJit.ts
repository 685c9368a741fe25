/**
 * V8's tier-up setting for processes that build sites. A cold build of thousands of articles
 * renders them in fresh worker isolates, each of which optimizes the whole Markdown pipeline with
 * TurboFan again; at V8's default budget (tuned for web pages) it also optimizes the many
 * functions that run only a few thousand times, and on a two-core machine those compiles took
 * about a third of the build's CPU. An eight times larger interrupt budget lets only the truly hot
 * code be optimized: cold builds of the 4,000-article bench take about a tenth less time (see
 * bench/RESULTS.md), and no output changes.
 */
import v8 from 'node:v8'

/** Eight times V8's default `--interrupt-budget` in Node 20 (66 KiB). */
const batchInterruptBudget = 8 * 66 * 1024

let applied = false

/**
 * Sets the budget for this process and every worker it starts afterwards. Call once, at the start
 * of a process that builds sites (the `folio` command, the desktop app's main process, the bench),
 * before its first build; later calls do nothing.
 */
export function useBatchJit(): void {
  if (applied) return
  applied = true
  v8.setFlagsFromString(`--interrupt-budget=${batchInterruptBudget}`)
}
