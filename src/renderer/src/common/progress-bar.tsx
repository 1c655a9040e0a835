// A thin progress bar for long imports and exports, from main's `progress` events.
import './progress-bar.css'

interface ProgressBarProps {
  task: string
  done: number
  total: number
}

/** An accessible determinate progress bar with its task name. */
export function ProgressBar({ task, done, total }: ProgressBarProps) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <div className="progress" role="status">
      <span className="progress-label">
        {task} — {done} of {total}
      </span>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={task}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
