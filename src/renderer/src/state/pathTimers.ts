/** Debounce timers keyed by article path: one pending run per path, rescheduling replaces it. */
export class PathTimers {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()

  /** Runs `run` after `ms` unless `path` is scheduled again or cancelled before then. */
  schedule(path: string, ms: number, run: () => void): void {
    this.cancel(path)
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path)
        run()
      }, ms),
    )
  }

  /** Drops the pending run of `path`, if any. */
  cancel(path: string): void {
    clearTimeout(this.timers.get(path))
    this.timers.delete(path)
  }

  /** Drops every pending run. */
  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}
