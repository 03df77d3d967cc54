/**
 * Live checking of the rule being edited: ~300 ms after the analyst stops typing, rules/validate;
 * when the rule is valid, rules/preview for its hit count and first rows. Answers are stored with the
 * text they answer, so a slow answer for an older text is never shown against the current one.
 */
import { useEffect, useState } from 'react'
import type { Rule } from '../../../../../shared/quality/rule.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { useDebouncedValue } from '../useDebouncedValue.ts'
import { checkState, previewState } from './checkState.ts'
import type { Answer, CheckState, Preview, PreviewState, Validation } from './checkState.ts'

export const CHECK_DELAY_MS = 300
export const PREVIEW_LIMIT = 20

export function useRuleCheck(rule: Rule, skip: boolean): { check: CheckState; preview: PreviewState } {
  const json = JSON.stringify(rule)
  const settled = useDebouncedValue(json, CHECK_DELAY_MS)
  const [validation, setValidation] = useState<Answer<Validation>>({ key: '' })
  const [preview, setPreview] = useState<Answer<Preview>>({ key: '' })

  useEffect(() => {
    if (skip) return
    let current = true
    const settledRule = JSON.parse(settled) as Rule
    call('rules/validate', { rule: settledRule }).then(
      (value) => {
        if (!current) return
        setValidation({ key: settled, value })
        if (!value.ok) return
        call('rules/preview', { rule: settledRule, limit: PREVIEW_LIMIT }).then(
          (result) => current && setPreview({ key: settled, value: result }),
          (caught: unknown) => current && setPreview({ key: settled, error: toErrorData(caught) }),
        )
      },
      (caught: unknown) => current && setValidation({ key: settled, error: toErrorData(caught) }),
    )
    return () => {
      current = false
    }
  }, [settled, skip])

  return {
    check: checkState(json, settled, validation, skip),
    preview: previewState(json, validation, preview, skip),
  }
}
