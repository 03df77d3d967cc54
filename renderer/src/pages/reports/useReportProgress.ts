/**
 * The latest report/progress event of the task now running. `task` names the build or export the
 * caller started (null: none running); events are kept with the task they arrived under, so a new
 * task starts from an empty bar instead of the previous task's last figure.
 */
import { useEffect, useState } from 'react'
import type { ReportProgress } from '../../../../shared/ipc/report-contract.ts'
import { getApi } from '../../api/getApi.ts'

export function useReportProgress(task: string | null): ReportProgress | null {
  const [latest, setLatest] = useState<{ task: string; progress: ReportProgress } | null>(null)
  useEffect(() => {
    if (task === null) return
    return getApi().on('report/progress', (progress) => setLatest({ task, progress }))
  }, [task])
  return task !== null && latest?.task === task ? latest.progress : null
}
