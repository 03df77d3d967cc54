/** The bar of a running build or export, with what the engine is doing (report/progress). */
import type { ReportProgress } from '../../../../shared/ipc/report-contract.ts'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { progressLabel, progressPercent } from './progressText.ts'
import type { ReportTask } from './progressText.ts'

export function ReportProgressView({
  task,
  progress,
}: {
  task: ReportTask
  progress: ReportProgress | null
}) {
  const percent = progressPercent(task, progress)
  return (
    <div
      className="report-progress"
      role="status"
      data-testid="report-progress"
      data-task={task}
      data-phase={progress?.phase ?? ''}
      data-percent={percent ?? ''}
    >
      <span className="report-progress-label">{progressLabel(progress, task)}</span>
      <ProgressBar percent={percent} />
    </div>
  )
}
