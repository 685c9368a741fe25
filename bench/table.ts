/** The readable table of a bench run, printed on stderr beside the JSON on stdout. */
import type { TargetCheck } from './targets'

type Row = [string, string]

function isSummary(
  value: object,
): value is { median: number; min: number; max: number; runs: number } {
  return 'median' in value && 'min' in value && 'max' in value
}

function isPercentiles(
  value: object,
): value is { p50: number; p95: number; max: number; samples: number } {
  return 'p50' in value && 'p95' in value
}

function rowsOf(prefix: string, value: unknown, rows: Row[]): void {
  if (value === null || typeof value !== 'object') {
    rows.push([prefix, String(value)])
  } else if (Array.isArray(value)) {
    rows.push([prefix, value.map(String).join(', ')])
  } else if (isSummary(value)) {
    rows.push([prefix, `${value.median}  (min ${value.min}, max ${value.max}, ${value.runs} runs)`])
  } else if (isPercentiles(value)) {
    rows.push([
      prefix,
      `p50 ${value.p50}  p95 ${value.p95}  (max ${value.max}, ${value.samples} keystrokes)`,
    ])
  } else {
    for (const [key, child] of Object.entries(value))
      rowsOf(prefix ? `${prefix}.${key}` : key, child, rows)
  }
}

/** Renders target checks as `PASS|FAIL|----  target  measured (limit)` lines. */
export function formatTargets(checks: readonly TargetCheck[]): string {
  const width = Math.max(...checks.map((c) => c.target.length))
  return checks
    .map((c) => {
      const verdict = c.pass === null ? 'n/a ' : c.pass ? 'PASS' : 'FAIL'
      const measured = c.measured === null ? 'not measured' : `${c.measured} ${c.unit}`
      return `${verdict}  ${c.target.padEnd(width)}  ${measured} (target ≤ ${c.limit} ${c.unit})`
    })
    .join('\n')
}

/** Renders `results` (section → figures) as aligned `name  value` lines, one figure per line. */
export function formatTable(results: Record<string, unknown>): string {
  const rows: Row[] = []
  rowsOf('', results, rows)
  const width = Math.max(...rows.map(([name]) => name.length))
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')
}
