/**
 * The thresholds dialog as pure state: the form (numbers kept as typed text) from thresholds, read back
 * with the contract's schema (Chinese messages naming the field), and the overrides to save — only what
 * differs from the level below (built-in defaults for the workspace, the workspace's for an indicator).
 */
import {
  THRESHOLD_LABELS,
  thresholdsSchema,
  type AnomalyKind,
  type Comparison,
  type PeerScope,
  type ThresholdOverrides,
  type Thresholds,
} from '../../../../shared/anomalies/model.ts'

export const NUMBER_FIELDS = [
  'changeRate',
  'changeRelative',
  'zChange',
  'zPeer',
  'zSeason',
  'minSample',
  'blankBaseline',
  'warmupMonths',
] as const
export type NumberField = (typeof NUMBER_FIELDS)[number]

export const PEER_SCOPE_NAMES: Readonly<Record<PeerScope, string>> = {
  level: '全省同级院',
  parent: '同一上级院所辖',
}

export interface ThresholdForm {
  enabled: boolean
  kinds: AnomalyKind[]
  compare: Comparison[]
  peerScope: PeerScope
  numbers: Record<NumberField, string>
}

export function formOf(t: Thresholds): ThresholdForm {
  return {
    enabled: t.enabled,
    kinds: [...t.kinds],
    compare: [...t.compare],
    peerScope: t.peerScope,
    numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(t[f])])) as Record<NumberField, string>,
  }
}

export type ReadResult =
  { ok: true; value: Thresholds } | { ok: false; field: keyof Thresholds; message: string }

/** The thresholds a form states, or the first problem with the field's label. */
export function readForm(form: ThresholdForm): ReadResult {
  const numbers: Partial<Record<NumberField, number>> = {}
  for (const field of NUMBER_FIELDS) {
    const text = form.numbers[field].trim()
    const value = Number(text)
    if (text === '' || !Number.isFinite(value))
      return { ok: false, field, message: `“${THRESHOLD_LABELS[field]}”须为数字` }
    numbers[field] = value
  }
  const candidate = {
    enabled: form.enabled,
    kinds: form.kinds,
    compare: form.compare,
    peerScope: form.peerScope,
    ...numbers,
  }
  const parsed = thresholdsSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const field = (issue?.path[0] ?? 'enabled') as keyof Thresholds
  const label = THRESHOLD_LABELS[field] ?? String(field)
  const message =
    issue?.code === 'too_small' && field === 'compare'
      ? issue.message
      : issue?.code === 'too_small'
        ? `“${label}”不能小于 ${String((issue as { minimum?: unknown }).minimum)}`
        : issue?.code === 'too_big'
          ? `“${label}”不能大于 ${String((issue as { maximum?: unknown }).maximum)}`
          : issue?.code === 'invalid_type' && Number.isFinite(candidate[field as NumberField])
            ? `“${label}”须为整数`
            : `“${label}”填写不正确`
  return { ok: false, field, message }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/** The keys of `value` that differ from `base` (arrays compared as sets). */
export function overridesOf(value: Thresholds, base: Thresholds): ThresholdOverrides {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value) as (keyof Thresholds)[]) {
    const v = value[key]
    const b = base[key]
    const same = Array.isArray(v) && Array.isArray(b) ? sameSet(v, b) : v === b
    if (!same) out[key] = Array.isArray(v) ? [...v] : v
  }
  return out as ThresholdOverrides
}

/** Toggles one entry of a list (kinds, comparisons), keeping the order of `all`. */
export function toggleIn<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
  return all.filter((x) => next.includes(x))
}
