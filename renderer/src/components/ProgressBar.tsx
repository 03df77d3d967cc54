/** A horizontal bar; `percent` null shows an indeterminate (striped, moving) bar. */
export function ProgressBar({ percent }: { percent: number | null }) {
  return (
    <div
      className={percent === null ? 'progress-track indeterminate' : 'progress-track'}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
    >
      <div className="progress-fill" style={{ width: percent === null ? '30%' : `${percent}%` }} />
    </div>
  )
}
