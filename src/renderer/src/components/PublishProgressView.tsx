/**
 * The progress of one running publish: a bar, files and bytes done, the file being sent, the
 * speed and the time left, and the Cancel button.
 */
import type { PublishProgressEvent } from '../../../core/api'
import {
  formatBytes,
  formatDuration,
  progressPercent,
  transferRate,
  type RateSample,
} from './PublishFigures'

/** Props: the latest progress event (null before the first), the speed samples, and Cancel. */
export interface PublishProgressViewProps {
  progress: PublishProgressEvent | null
  samples: RateSample[]
  /** Absent once the publish is over (the bar then stays as a record of what was sent). */
  onCancel?: () => void
  cancelling?: boolean
}

const phaseLabels: Record<PublishProgressEvent['phase'], string> = {
  building: 'Building the site…',
  comparing: 'Comparing with what is online…',
  uploading: 'Uploading',
  removing: 'Removing old files',
  done: 'Done',
  failed: 'Stopped',
}

/** The progress bar block; `data-percent` on the bar is the whole-number percentage shown. */
export function PublishProgressView({
  progress,
  samples,
  onCancel,
  cancelling,
}: PublishProgressViewProps) {
  const percent = progressPercent(progress)
  const rate =
    progress && progress.phase === 'uploading'
      ? transferRate(samples, progress.bytesTotal - progress.bytesDone)
      : null
  const counting = progress && progress.filesTotal > 0
  return (
    <div className="target-progress publish-progress" data-testid="publish-progress-block">
      <div className="publish-progress-row">
        <progress
          data-testid="publish-progress"
          data-percent={percent}
          max={100}
          value={percent}
          aria-label="Publish progress"
        />
        <span className="publish-percent">{percent} %</span>
      </div>
      <div className="progress-label" data-testid="publish-progress-label">
        {progress ? phaseLabels[progress.phase] : 'Starting…'}
        {counting && (
          <>
            {' · '}
            <span data-testid="publish-files-done">
              {progress.filesDone} of {progress.filesTotal} files
            </span>
            {progress.bytesTotal > 0 && (
              <>
                {' · '}
                <span data-testid="publish-bytes-done">
                  {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
                </span>
              </>
            )}
          </>
        )}
      </div>
      {rate && (
        <div className="progress-label" data-testid="publish-rate">
          {formatBytes(Math.round(rate.bytesPerSecond))}/s · about{' '}
          {formatDuration(rate.secondsLeft * 1000)} left
        </div>
      )}
      {progress?.currentFile && progress.phase !== 'done' && (
        <div className="publish-current-file" data-testid="publish-current-file">
          {progress.currentFile}
        </div>
      )}
      {onCancel && (
        <div className="publish-actions">
          <button
            type="button"
            className="button small"
            data-testid="publish-cancel"
            disabled={cancelling}
            onClick={onCancel}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      )}
    </div>
  )
}
