/** The machine a benchmark ran on, reported beside every figure. */
import os from 'node:os'

/** Hardware and runtime versions. */
export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  platform: string
  /** 1-minute load average when the bench started: other work on the machine skews figures. */
  loadAverage1m: number
  node: string
  /** Filled in by the browser section when Chromium runs; null otherwise. */
  chromium: string | null
}

/**
 * Describes this machine; `chromium` is the browser version when it is known, `loadAverage1m`
 * the load average taken when the bench started.
 */
export function describeMachine(chromium: string | null, loadAverage1m: number): MachineInfo {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage1m: Math.round(loadAverage1m * 100) / 100,
    node: process.version,
    chromium,
  }
}
