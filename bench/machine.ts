/** The machine a benchmark ran on, reported beside every figure. */
import os from 'node:os'

/** Hardware and runtime versions. */
export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  platform: string
  node: string
  /** Filled in by the browser section when Chromium runs; null otherwise. */
  chromium: string | null
}

/** Describes this machine; `chromium` is the browser version when it is known. */
export function describeMachine(chromium: string | null): MachineInfo {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
  }
}
