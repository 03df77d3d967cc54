/**
 * What the builder shows of its live check and preview, from the answers it has. Every answer is
 * stored with the key (definition JSON, plus unit and period for the preview) it answers; anything not
 * answering the current key counts as still checking, so an old answer never shows against new text.
 */
import type { EngineErrorData } from '../../../../../shared/ipc/envelope.ts'
import type { IndicatorResults, ValidationProblem } from '../../../../../shared/ipc/indicator-contract.ts'
import type { IndicatorDefinition } from '../../../../../shared/indicators/model.ts'
import { parsePeriod } from '../../../../../shared/indicators/period.ts'

export type Validation = IndicatorResults['indicator/validate']
export type Preview = IndicatorResults['indicator/preview']

export interface Answer<T> {
  key: string
  value?: T
  error?: EngineErrorData
}

export interface PreviewOptions {
  unit: string
  period: string
  own: boolean
  excludeFlagged: boolean
}

export type CheckState =
  /** The builder's own checks failed (no name, no formula …): the engine is not asked. */
  | { status: 'local'; problems: ValidationProblem[] }
  | { status: 'checking' }
  | { status: 'failed'; error: EngineErrorData }
  | { status: 'invalid'; problems: ValidationProblem[] }
  | { status: 'ok' }

export type PreviewState =
  | { status: 'none' }
  /** The unit or period cannot be previewed: the message says why. */
  | { status: 'blocked'; message: string }
  | { status: 'loading' }
  | { status: 'failed'; error: EngineErrorData }
  | { status: 'done'; preview: Preview }

/**
 * @param json the definition sent for checking now (see `probeDefinition`); @param settled the one the
 * debounced check last started for; @param local the builder's own problems: while there are any,
 * they are shown with whatever the engine found elsewhere in the same definition.
 */
export function checkState(
  json: string,
  settled: string,
  answer: Answer<Validation>,
  local: readonly ValidationProblem[],
): CheckState {
  if (local.length > 0) {
    const engine = answer.key === json && answer.value ? answer.value.problems : []
    return { status: 'local', problems: mergeProblems(local, engine) }
  }
  if (json !== settled || answer.key !== json) return { status: 'checking' }
  if (answer.error) return { status: 'failed', error: answer.error }
  if (!answer.value) return { status: 'checking' }
  return answer.value.problems.length > 0
    ? { status: 'invalid', problems: answer.value.problems }
    : { status: 'ok' }
}

/**
 * The builder's own problems first, then the engine's at other places (at a place the builder already
 * reports, the engine says the same in other words).
 */
export function mergeProblems(
  local: readonly ValidationProblem[],
  engine: readonly ValidationProblem[],
): ValidationProblem[] {
  const places = new Set(local.map((problem) => problem.path))
  return [...local, ...engine.filter((problem) => !places.has(problem.path))]
}

/**
 * What is sent to indicator/validate: the draft, with an empty name or theme and an unusable id
 * replaced, so that the engine (which stops at the first schema failure) still checks the formula,
 * fields and filters while the analyst has not named the indicator yet. A draft without such gaps is
 * sent as it is, and only such a draft is previewed.
 */
export function probeDefinition(definition: IndicatorDefinition): IndicatorDefinition {
  const probe = { ...definition }
  if (probe.name.trim() === '') probe.name = '未命名指标'
  if (probe.theme.trim() === '') probe.theme = '未分类'
  if (!/^[\p{L}\p{N}_.-]{1,80}$/u.test(probe.id.trim())) probe.id = 'U000'
  return probe
}

/** The key a preview answer is stored under: the definition and the options it was computed for. */
export const previewKey = (json: string, options: PreviewOptions): string => JSON.stringify([json, options])

/** Why the options cannot be previewed, or null. */
export function previewBlock(options: PreviewOptions): string | null {
  if (options.unit === '') return '请选择单位。'
  const period = parsePeriod(options.period)
  return period.ok ? null : period.message
}

/** The preview follows the check: nothing for an invalid definition, loading until its own answer is in. */
export function previewState(
  check: CheckState,
  key: string,
  options: PreviewOptions,
  answer: Answer<Preview>,
): PreviewState {
  if (check.status === 'local' || check.status === 'invalid' || check.status === 'failed')
    return { status: 'none' }
  const block = previewBlock(options)
  if (block !== null) return { status: 'blocked', message: block }
  if (check.status === 'checking' || answer.key !== key) return { status: 'loading' }
  if (answer.error) return { status: 'failed', error: answer.error }
  return answer.value ? { status: 'done', preview: answer.value } : { status: 'loading' }
}

/** Last calendar year: the default period of the preview (a whole year has data in every month). */
export const defaultPeriod = (today: Date = new Date()): string => String(today.getFullYear() - 1)
