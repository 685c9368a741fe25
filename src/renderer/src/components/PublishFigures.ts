/**
 * Numbers the publish panel shows: sizes, durations, and the transfer speed and time left worked
 * out from how `bytesDone` grew over the last few seconds.
 */
import type { PublishProgressEvent } from '../../../core/api'

/** One observation of the bytes sent so far, at `at` milliseconds (any monotonic clock). */
export interface RateSample {
  at: number
  bytes: number
}

/** Speed over the recent samples and the time left at that speed; null until it can be known. */
export interface TransferRate {
  bytesPerSecond: number
  secondsLeft: number
}

/** How far back the speed looks, so it follows a connection that speeds up or slows down. */
const windowMs = 5000
/** Below this much observed time the speed would be noise. */
const minSpanMs = 300

/** A size in the units people read: `812 B`, `14.2 KB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

/** A duration as `0.4 s`, `12 s`, `3 min 5 s` or `1 h 2 min`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000
  if (seconds < 10) return `${seconds.toFixed(1)} s`
  if (seconds < 60) return `${Math.round(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** Adds a sample and drops those older than the speed window (always keeping one before it). */
export function addRateSample(samples: RateSample[], sample: RateSample): RateSample[] {
  const all = [...samples, sample]
  let first = 0
  while (first < all.length - 2 && all[first + 1].at <= sample.at - windowMs) first++
  return all.slice(first)
}

/** Speed and time left from the samples and the bytes still to send; null when too early to say. */
export function transferRate(samples: RateSample[], bytesLeft: number): TransferRate | null {
  if (samples.length < 2) return null
  const first = samples[0]
  const last = samples[samples.length - 1]
  const span = last.at - first.at
  const sent = last.bytes - first.bytes
  if (span < minSpanMs || sent <= 0) return null
  const bytesPerSecond = (sent * 1000) / span
  return { bytesPerSecond, secondsLeft: Math.max(0, bytesLeft) / bytesPerSecond }
}

/**
 * How complete a publish is, 0–100: by bytes when there are bytes to send, else by files. It is
 * 100 only once the engine reports `done` (after removals and the final step), so a full bar means
 * finished.
 */
export function progressPercent(progress: PublishProgressEvent | null): number {
  if (!progress) return 0
  const { filesDone, filesTotal, bytesDone, bytesTotal, phase } = progress
  if (phase === 'done') return 100
  const fraction =
    bytesTotal > 0 ? bytesDone / bytesTotal : filesTotal > 0 ? filesDone / filesTotal : 0
  return Math.min(99, Math.floor(fraction * 100))
}
