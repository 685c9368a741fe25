/**
 * What every benchmark section is given: how many runs to make, where to put temporary files,
 * and the shared fixtures (the generated 4,000-article site) that several sections measure.
 */

/** Settings and shared state of one `npm run bench`. */
export interface BenchContext {
  /** `--quick`: fewer runs, for a fast look rather than a figure to publish. */
  quick: boolean
  /** Measured runs per timing (after the warm-up). */
  runs: number
  /** Unmeasured warm-up runs before them. */
  warmup: number
  /** Seconds one slow timing (a whole-site build, a publish) may take with its runs. */
  budgetS: number
  /** A temporary folder of this bench run, removed at the end. */
  tmpRoot: string
  /** Writes a progress line to stderr. */
  log(message: string): void
  /** Chromium's version once the browser section has started it, for the machine block. */
  chromium: string | null
  /** Lazily generated shared fixtures, keyed by name (see siteFixture.ts). */
  fixtures: Map<string, unknown>
}

/** One section of the bench: a name for `--only` and the figures it measures. */
export interface BenchSection {
  name: string
  /** What the section measures, for `--help`. */
  description: string
  run(ctx: BenchContext): Promise<Record<string, unknown>>
}
