/** Summaries of repeated measurements, as the benchmark output reports them. */

/** Median with the extremes beside it, over `runs` measurements. */
export interface Summary {
  median: number
  min: number
  max: number
  runs: number
}

/** Percentiles of many samples (keystroke latencies). */
export interface Percentiles {
  p50: number
  p95: number
  max: number
  samples: number
}

/** Four significant digits: enough for a timing, whatever its unit. */
const round = (value: number): number => Number(value.toPrecision(4))

/** The p-th percentile (0–100) of `sorted` ascending samples, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('No samples to take a percentile of.')
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

/** Median, min and max of `samples`, rounded to four significant digits. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
    runs: sorted.length,
  }
}

/** p50, p95 and max of `samples`, rounded to four significant digits. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
    samples: sorted.length,
  }
}

/**
 * Runs `fn` `warmup` times unmeasured, then up to `runs` times, and summarizes the durations in
 * milliseconds. `fn` may resolve its own figure (to exclude set-up work, or in seconds) instead of
 * void. With `budgetS`, measuring stops early once that many seconds have passed in all (warm-up
 * included) and at least one run is measured, so slow code cannot make the bench run for hours;
 * the summary's `runs` says how many were made.
 */
export async function timeRuns(
  runs: number,
  warmup: number,
  fn: () => Promise<number | void> | number | void,
  budgetS = Infinity,
): Promise<Summary> {
  const began = performance.now()
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    if (samples.length > 0 && (performance.now() - began) / 1000 > budgetS) break
    const started = performance.now()
    const own = await fn()
    samples.push(typeof own === 'number' ? own : performance.now() - started)
  }
  return summarize(samples)
}
