/**
 * Publish progress on the command line: a redrawn bar on a terminal, plain lines otherwise, and
 * one JSON object per line with `--json`.
 */
import type { PublishProgressEvent } from '../core/api'

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export type ProgressPrinter = (event: PublishProgressEvent) => void

export function progressPrinter(
  mode: 'json' | 'tty' | 'plain',
  out: NodeJS.WritableStream,
): ProgressPrinter {
  const started = Date.now()
  let lastPhase = ''
  return (event) => {
    if (mode === 'json') {
      out.write(JSON.stringify({ type: 'progress', ...event }) + '\n')
      return
    }
    const seconds = Math.max((Date.now() - started) / 1000, 0.001)
    const speed = event.bytesDone / seconds
    const left = speed > 0 ? Math.ceil((event.bytesTotal - event.bytesDone) / speed) : 0
    if (mode === 'tty') {
      const width = 30
      const ratio =
        event.bytesTotal > 0
          ? event.bytesDone / event.bytesTotal
          : event.filesTotal > 0
            ? event.filesDone / event.filesTotal
            : 0
      const filled = Math.round(ratio * width)
      const bar = '#'.repeat(filled) + '-'.repeat(width - filled)
      const line = `${event.phase.padEnd(9)} [${bar}] ${event.filesDone}/${event.filesTotal} files ${formatBytes(event.bytesDone)}/${formatBytes(event.bytesTotal)} ${formatBytes(speed)}/s ${left}s left ${event.currentFile ?? ''}`
      out.write('\r' + line.slice(0, 160).padEnd(160))
      if (event.phase === 'done' || event.phase === 'failed') out.write('\n')
      return
    }
    if (event.phase !== lastPhase || event.currentFile) {
      out.write(
        `${event.phase}: ${event.filesDone}/${event.filesTotal} files, ${formatBytes(event.bytesDone)}${event.currentFile ? ` ${event.currentFile}` : ''}\n`,
      )
    }
    lastPhase = event.phase
  }
}
