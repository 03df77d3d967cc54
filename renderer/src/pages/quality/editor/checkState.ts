/**
 * What the rule editor shows for the live check, derived from the current text and the last answers.
 * Each answer carries the rule text (JSON) it answers; anything not answering the current text counts
 * as still checking, so an old answer is never shown against new text.
 */
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { QualityResults } from '../../../../../shared/ipc/quality-contract.ts'

export type Validation = QualityResults['rules/validate']
export type Preview = QualityResults['rules/preview']

export interface Answer<T> {
  key: string
  value?: T
  error?: EngineErrorData
}

export type CheckState =
  /** The editor's own checks failed (no name, empty condition …): the engine is not asked. */
  | { status: 'local' }
  | { status: 'checking' }
  | { status: 'failed'; error: EngineErrorData }
  | { status: 'invalid'; validation: Validation }
  | { status: 'ok'; validation: Validation }

export type PreviewState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'failed'; error: EngineErrorData }
  | { status: 'done'; preview: Preview }

/**
 * @param json the rule as edited now; @param settled the text the debounced check last started for;
 * @param skip the editor's own checks failed, the engine is not asked.
 */
export function checkState(
  json: string,
  settled: string,
  answer: Answer<Validation>,
  skip: boolean,
): CheckState {
  if (skip) return { status: 'local' }
  if (json !== settled || answer.key !== json) return { status: 'checking' }
  if (answer.error) return { status: 'failed', error: answer.error }
  if (!answer.value) return { status: 'checking' }
  return answer.value.ok
    ? { status: 'ok', validation: answer.value }
    : { status: 'invalid', validation: answer.value }
}

/** The preview follows the validation: none for an invalid rule, loading until its own answer is in. */
export function previewState(
  json: string,
  validation: Answer<Validation>,
  answer: Answer<Preview>,
  skip: boolean,
): PreviewState {
  if (skip) return { status: 'none' }
  if (validation.key !== json) return { status: 'loading' }
  if (validation.error || !validation.value?.ok) return { status: 'none' }
  if (answer.key !== json) return { status: 'loading' }
  if (answer.error) return { status: 'failed', error: answer.error }
  return answer.value ? { status: 'done', preview: answer.value } : { status: 'loading' }
}
