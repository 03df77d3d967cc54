/**
 * Live checking of the definition being built: ~400 ms after the analyst stops editing,
 * indicator/validate (also while the builder has problems of its own, so the engine's findings
 * elsewhere show at once); when there are none, indicator/preview for the chosen unit and period.
 * Answers are stored with what they answer, so a slow answer for an older draft is never shown.
 */
import { useEffect, useState } from 'react'
import type { ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import type { IndicatorDefinition } from '../../../../../shared/indicators/model.ts'
import { call } from '../../../api/call.ts'
import { toErrorData } from '../../../api/errors.ts'
import { useDebouncedValue } from '../../quality/useDebouncedValue.ts'
import { checkState, previewBlock, previewKey, previewState, probeDefinition } from './builderCheck.ts'
import type { Answer, CheckState, Preview, PreviewOptions, PreviewState, Validation } from './builderCheck.ts'

export const CHECK_DELAY_MS = 400

export function useIndicatorCheck(
  definition: IndicatorDefinition,
  local: readonly ValidationProblem[],
  options: PreviewOptions,
): { check: CheckState; preview: PreviewState } {
  const json = JSON.stringify(probeDefinition(definition))
  const settled = useDebouncedValue(json, CHECK_DELAY_MS)
  const [validation, setValidation] = useState<Answer<Validation>>({ key: '' })
  const [preview, setPreview] = useState<Answer<Preview>>({ key: '' })

  useEffect(() => {
    let current = true
    call('indicator/validate', { definition: JSON.parse(settled) }).then(
      (value) => current && setValidation({ key: settled, value }),
      (caught: unknown) => current && setValidation({ key: settled, error: toErrorData(caught) }),
    )
    return () => {
      current = false
    }
  }, [settled])

  const check = checkState(json, settled, validation, local)
  const key = previewKey(json, options)
  const settledKey = useDebouncedValue(key, CHECK_DELAY_MS)
  /** The definition the engine found valid (JSON), or '' while none is; never one with problems of its own. */
  const valid = validation.value?.problems.length === 0 && !validation.error && local.length === 0
  const validJson = valid ? validation.key : ''

  useEffect(() => {
    const [keyJson, keyOptions] = JSON.parse(settledKey) as [string, PreviewOptions]
    if (keyJson !== validJson || previewBlock(keyOptions) !== null) return
    let current = true
    call('indicator/preview', { definition: JSON.parse(keyJson), ...keyOptions }).then(
      (value) => current && setPreview({ key: settledKey, value }),
      (caught: unknown) => current && setPreview({ key: settledKey, error: toErrorData(caught) }),
    )
    return () => {
      current = false
    }
  }, [settledKey, validJson])

  return { check, preview: previewState(check, key, options, preview) }
}
