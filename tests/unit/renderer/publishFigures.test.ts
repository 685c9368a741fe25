import { describe, expect, it } from 'vitest'
import type { PublishProgressEvent } from '../../../src/core/api'
import {
  addRateSample,
  formatBytes,
  formatDuration,
  progressPercent,
  transferRate,
} from '../../../src/renderer/src/components/PublishFigures'

function progress(overrides: Partial<PublishProgressEvent>): PublishProgressEvent {
  return {
    target: 'web',
    phase: 'uploading',
    filesDone: 0,
    filesTotal: 10,
    bytesDone: 0,
    bytesTotal: 1000,
    ...overrides,
  }
}

describe('publish figures', () => {
  it('formats sizes in the units people read', () => {
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(14_540)).toBe('14 KB')
    expect(formatBytes(3_250_586)).toBe('3.1 MB')
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB')
  })

  it('formats durations', () => {
    expect(formatDuration(420)).toBe('0.4 s')
    expect(formatDuration(12_400)).toBe('12 s')
    expect(formatDuration(185_000)).toBe('3 min 5 s')
    expect(formatDuration(3_720_000)).toBe('1 h 2 min')
  })

  it('works out speed and time left from bytes sent over time', () => {
    const samples = [
      { at: 0, bytes: 0 },
      { at: 1000, bytes: 50_000 },
      { at: 2000, bytes: 100_000 },
    ]
    expect(transferRate(samples, 300_000)).toEqual({ bytesPerSecond: 50_000, secondsLeft: 6 })
  })

  it('gives no speed before enough time has passed or while nothing moves', () => {
    expect(transferRate([{ at: 0, bytes: 0 }], 100)).toBeNull()
    expect(
      transferRate(
        [
          { at: 0, bytes: 0 },
          { at: 100, bytes: 5000 },
        ],
        100,
      ),
    ).toBeNull()
    expect(
      transferRate(
        [
          { at: 0, bytes: 10 },
          { at: 2000, bytes: 10 },
        ],
        100,
      ),
    ).toBeNull()
  })

  it('forgets samples older than the speed window, so the speed follows the connection', () => {
    let samples = [{ at: 0, bytes: 0 }]
    for (let t = 1000; t <= 10_000; t += 1000) {
      samples = addRateSample(samples, {
        at: t,
        bytes: t < 6000 ? t * 100 : 500_000 + (t - 5000) * 10,
      })
    }
    expect(samples[0].at).toBe(5000)
    expect(transferRate(samples, 0)?.bytesPerSecond).toBe(10_000)
  })

  it('shows 100 % only when the engine says done', () => {
    expect(progressPercent(null)).toBe(0)
    expect(progressPercent(progress({ bytesDone: 500 }))).toBe(50)
    expect(progressPercent(progress({ filesDone: 10, bytesDone: 1000 }))).toBe(99)
    expect(
      progressPercent(progress({ phase: 'removing', bytesTotal: 0, filesDone: 3, filesTotal: 4 })),
    ).toBe(75)
    expect(progressPercent(progress({ phase: 'done', filesDone: 10, bytesDone: 1000 }))).toBe(100)
    expect(progressPercent(progress({ phase: 'done', filesTotal: 0, bytesTotal: 0 }))).toBe(100)
  })
})
