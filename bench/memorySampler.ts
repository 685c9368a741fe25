/** Peak memory while a piece of work runs, sampled from the process every few milliseconds. */
import { runInNewContext } from 'node:vm'
import v8 from 'node:v8'

/** Memory growth caused by one piece of work, in MiB. */
export interface MemoryUse {
  /** Highest resident set size seen during the work, minus the size before it. */
  peakRssDeltaMiB: number
  /** Highest resident set size of the whole bench process seen during the work. */
  peakRssMiB: number
  /** V8 heap in use after the work (with its result still alive), minus before; both after a GC. */
  heapUsedDeltaMiB: number
}

v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const mib = (bytes: number): number => Math.round((bytes / 1024 ** 2) * 10) / 10

/**
 * Runs `work`, sampling RSS every 5 ms (and once at the end), and resolves its result with the
 * memory it took. `work` must be async so the sampling timer gets a turn.
 */
export async function measureMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; memory: MemoryUse }> {
  gc()
  const before = process.memoryUsage()
  let peak = before.rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 5)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage.rss())
    gc()
    const after = process.memoryUsage()
    return {
      result,
      memory: {
        peakRssDeltaMiB: mib(peak - before.rss),
        peakRssMiB: mib(peak),
        heapUsedDeltaMiB: mib(after.heapUsed - before.heapUsed),
      },
    }
  } finally {
    clearInterval(timer)
  }
}
