import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PathTimers } from '../../../src/renderer/src/state/pathTimers'

describe('PathTimers', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs once per path, the last schedule winning', () => {
    const timers = new PathTimers()
    const runs: string[] = []
    timers.schedule('a.md', 100, () => runs.push('a first'))
    vi.advanceTimersByTime(60)
    timers.schedule('a.md', 100, () => runs.push('a second'))
    timers.schedule('b.md', 100, () => runs.push('b'))
    vi.advanceTimersByTime(60)
    expect(runs).toEqual([])
    vi.advanceTimersByTime(40)
    expect(runs).toEqual(['a second', 'b'])
  })

  it('cancels one path or all of them', () => {
    const timers = new PathTimers()
    const runs: string[] = []
    timers.schedule('a.md', 10, () => runs.push('a'))
    timers.schedule('b.md', 10, () => runs.push('b'))
    timers.cancel('a.md')
    vi.advanceTimersByTime(10)
    expect(runs).toEqual(['b'])
    timers.schedule('a.md', 10, () => runs.push('a'))
    timers.schedule('b.md', 10, () => runs.push('b again'))
    timers.cancelAll()
    vi.advanceTimersByTime(10)
    expect(runs).toEqual(['b'])
  })
})
