/**
 * report/build for the preview: sent ~300 ms after the choices settle (a period typed or a unit
 * scrolled through does not start a build per keystroke), answers stored with the request they
 * answer so a slow answer for older choices is never shown, the last model kept (dimmed) while the
 * next one is built. `task` names the running build for its progress bar.
 */
import { useCallback, useEffect, useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { ReportArgs } from '../../../../shared/ipc/report-contract.ts'
import type { ReportModel } from '../../../../shared/reports/report-model.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { useDebouncedValue } from '../quality/useDebouncedValue.ts'

export const BUILD_DELAY_MS = 300

interface Answer {
  key: string
  model?: ReportModel
  error?: EngineErrorData
}

export interface ReportBuild {
  model: ReportModel | undefined
  error: EngineErrorData | undefined
  /** Waiting for the choices to settle or for the engine. */
  building: boolean
  /** The running build (for useReportProgress); null when none runs. */
  task: string | null
  rebuild: () => void
}

export function useReportBuild(args: ReportArgs | null, delayMs = BUILD_DELAY_MS): ReportBuild {
  const json = args === null ? '' : JSON.stringify(args)
  const settled = useDebouncedValue(json, delayMs)
  const [tick, setTick] = useState(0)
  const key = settled === '' ? '' : `${tick} ${settled}`
  const [answer, setAnswer] = useState<Answer>({ key: '' })

  useEffect(() => {
    if (key === '') return
    let current = true
    call('report/build', JSON.parse(settled) as ReportArgs).then(
      (model) => current && setAnswer({ key, model }),
      (caught: unknown) => current && setAnswer({ key, error: toErrorData(caught) }),
    )
    return () => {
      current = false
    }
  }, [key, settled])

  const rebuild = useCallback(() => setTick((n) => n + 1), [])
  const waiting = json !== '' && (json !== settled || answer.key !== key)
  return {
    model: answer.model,
    error: answer.key === key ? answer.error : undefined,
    building: waiting,
    task: waiting && json === settled ? key : null,
    rebuild,
  }
}
