/**
 * Progress of one publish, as the events the UI's progress bar and the CLI print.
 */
import type { PublishProgressEvent } from '../api'

/** Counts files and bytes done against the totals and emits PublishProgressEvents. */
export class PublishProgress {
  filesDone = 0
  bytesDone = 0

  constructor(
    private readonly target: string,
    readonly filesTotal: number,
    readonly bytesTotal: number,
    private readonly listener?: (event: PublishProgressEvent) => void,
  ) {}

  /** Emits the current counts for `phase`, naming the file being worked on if there is one. */
  emit(phase: PublishProgressEvent['phase'], currentFile?: string): void {
    const event: PublishProgressEvent = {
      target: this.target,
      phase,
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
    }
    if (currentFile !== undefined) event.currentFile = currentFile
    this.listener?.(event)
  }

  /** Records one finished file. */
  fileDone(bytes: number): void {
    this.filesDone++
    this.bytesDone += bytes
  }
}
