/** The performance targets named in the issues, checked against a bench run's figures. */

/** One target and what this run measured for it (null when its section did not run or failed). */
export interface TargetCheck {
  target: string
  limit: number
  unit: string
  measured: number | null
  pass: boolean | null
}

interface TargetSpec {
  target: string
  /** Dotted path of the figure inside the results. */
  figure: string
  limit: number
  unit: string
}

const specs: TargetSpec[] = [
  {
    target: 'open + list 10,000 articles (median)',
    figure: 'workspace.openAndList10000S.median',
    limit: 1,
    unit: 's',
  },
  {
    target: 'keystroke → preview p95, 2,000 words',
    figure: 'browser.words2000.keystrokeToPreviewMs.p95',
    limit: 16,
    unit: 'ms',
  },
  {
    target: 'keystroke → preview p95, 50,000 words',
    figure: 'browser.words50000.keystrokeToPreviewMs.p95',
    limit: 50,
    unit: 'ms',
  },
  {
    target: 'keystroke → editor paint p95, 2,000 words',
    figure: 'browser.words2000.keystrokeToPaintMs.p95',
    limit: 10,
    unit: 'ms',
  },
  {
    target: 'keystroke → editor paint p95, 50,000 words',
    figure: 'browser.words50000.keystrokeToPaintMs.p95',
    limit: 10,
    unit: 'ms',
  },
  {
    target: 'cold build 4,000 articles, Folio / Hugo',
    figure: 'site.folioOverHugoCold',
    limit: 2,
    unit: '×',
  },
  {
    target: 'no-change rebuild 4,000 articles (median)',
    figure: 'site.folio.noChangeRebuildS.median',
    limit: 0.3,
    unit: 's',
  },
  {
    target: 'one-article-changed rebuild (median)',
    figure: 'site.folio.oneArticleChangedRebuildS.median',
    limit: 0.5,
    unit: 's',
  },
  {
    target: 'no-change publish to local S3 (median)',
    figure: 'publish.s3.noChangePublishS.median',
    limit: 1,
    unit: 's',
  },
]

function lookup(results: Record<string, unknown>, dotted: string): number | null {
  let value: unknown = results
  for (const key of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return null
    value = (value as Record<string, unknown>)[key]
  }
  return typeof value === 'number' ? value : null
}

/** Checks every target whose figure is in `results`; a lower measurement is better for all. */
export function checkTargets(results: Record<string, unknown>): TargetCheck[] {
  return specs.map(({ target, figure, limit, unit }) => {
    const measured = lookup(results, figure)
    return { target, limit, unit, measured, pass: measured === null ? null : measured <= limit }
  })
}
