/**
 * The editor's live check: ~400 ms after the analyst stops typing, report/template/validate on the
 * draft; answers are kept with the draft they answer, so a slow answer for an older draft is never
 * shown. The editor's own problems (an id taken) are added in front.
 */
import { useEffect, useState } from 'react'
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { TemplateProblem } from '../../../../../shared/ipc/report-contract.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { useDebouncedValue } from '../../quality/useDebouncedValue.ts'

export const CHECK_DELAY_MS = 400

export type CheckState =
  | { status: 'checking'; problems: readonly TemplateProblem[] }
  | { status: 'ok'; problems: readonly TemplateProblem[] }
  | { status: 'invalid'; problems: readonly TemplateProblem[] }
  | { status: 'failed'; problems: readonly TemplateProblem[]; error: EngineErrorData }

interface Answer {
  key: string
  problems?: TemplateProblem[]
  error?: EngineErrorData
}

export function useTemplateCheck(draft: unknown, local: readonly TemplateProblem[]): CheckState {
  const json = JSON.stringify(draft)
  const settled = useDebouncedValue(json, CHECK_DELAY_MS)
  const [answer, setAnswer] = useState<Answer>({ key: '' })

  useEffect(() => {
    let current = true
    call('report/template/validate', { template: JSON.parse(settled) as unknown }).then(
      (value) => current && setAnswer({ key: settled, problems: value.problems }),
      (caught: unknown) => current && setAnswer({ key: settled, error: toErrorData(caught) }),
    )
    return () => {
      current = false
    }
  }, [settled])

  if (answer.key !== json) {
    // While the answer for this draft is on its way, the last answer's problems stay in place.
    return { status: 'checking', problems: [...local, ...(answer.problems ?? [])] }
  }
  if (answer.error) return { status: 'failed', problems: [...local], error: answer.error }
  const problems = [...local, ...(answer.problems ?? [])]
  return { status: problems.length === 0 ? 'ok' : 'invalid', problems }
}
