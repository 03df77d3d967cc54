/** Progress of the running import, from uploads and `import/progress` events. */
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { progressView } from './progressView.ts'
import type { ImportProgressState } from './progressView.ts'

export function ImportProgress({ state }: { state: ImportProgressState | null }) {
  const view = progressView(state)
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={view.phase} aria-live="polite">
      <div className="progress-line">
        <span className="progress-title">{view.title}</span>
        <span className="progress-figures">
          {view.detail}
          {view.percent !== null && <strong>{view.percent}%</strong>}
        </span>
      </div>
      <ProgressBar percent={view.percent} />
    </div>
  )
}
