/**
 * The warning centre's list as pure data: which warnings the filters keep (kind, severity, indicator
 * theme/tag, acknowledged, held back), the counts shown on the filter chips (each facet counted with the
 * other filters applied), the order (held back last, then severity, then how unusual), the direction-aware
 * tone of a warning and the texts of its figures.
 */
import {
  ANOMALY_KINDS,
  SEVERITIES,
  SEVERITY_RANK,
  type AnomalyKind,
  type Severity,
} from '../../../../shared/anomalies/model.ts'
import { worsens } from '../../../../shared/anomalies/severity.ts'
import type { Acknowledgement, AnomalyWarning } from '../../../../shared/ipc/anomaly-contract.ts'
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import { formatChange, formatIndicatorValue } from '../../../../shared/indicators/format.ts'
import { isRateUnit, type DisplayUnit } from '../../../../shared/indicators/model.ts'
import { monthIndexOfDate, parsePeriod } from '../../../../shared/indicators/period.ts'
import { formatTimestamp } from '../../format/timestamp.ts'
import { countText, EMPTY, formatNumber } from '../indicators/indicatorText.ts'

export interface AlertFilters {
  /** Kinds shown; empty: every kind. */
  kinds: readonly AnomalyKind[]
  /** Severities shown; empty: every severity. */
  severities: readonly Severity[]
  /** 'theme:<主题>' or 'tag:<标签>'; null: every indicator. */
  topic: string | null
  showAcknowledged: boolean
  /** Also list the candidates held back (样本过少, 基数效应, 长期偏离), muted. */
  showSuppressed: boolean
}

export const INITIAL_FILTERS: AlertFilters = {
  kinds: [],
  severities: [],
  topic: null,
  showAcknowledged: false,
  showSuppressed: true,
}

/** What the topic filter reads of an indicator. */
export interface IndicatorTopics {
  theme: string
  tags: readonly string[]
}

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  high: '高：指标向不利方向明显变动',
  medium: '中：无固定方向的指标明显变动，或数据空白',
  low: '低：指标向有利方向明显变动',
}

export function topicMatches(topic: string | null, indicator: IndicatorTopics | undefined): boolean {
  if (topic === null) return true
  if (!indicator) return false
  if (topic.startsWith('theme:')) return indicator.theme === topic.slice(6)
  if (topic.startsWith('tag:')) return indicator.tags.includes(topic.slice(4))
  return true
}

type Topics = ReadonlyMap<string, IndicatorTopics>

/** Filters other than kind and severity: topic, acknowledged, held back. */
function passesBase(warning: AnomalyWarning, filters: AlertFilters, topics: Topics): boolean {
  if (!filters.showAcknowledged && warning.acknowledged !== null) return false
  if (!filters.showSuppressed && warning.suppressed !== null) return false
  return topicMatches(filters.topic, topics.get(warning.indicator))
}

const kindOk = (w: AnomalyWarning, f: AlertFilters) => f.kinds.length === 0 || f.kinds.includes(w.kind)
const severityOk = (w: AnomalyWarning, f: AlertFilters) =>
  w.suppressed !== null || f.severities.length === 0 || f.severities.includes(w.severity)

/** The warnings the filters keep, in list order. */
export function filterWarnings(
  warnings: readonly AnomalyWarning[],
  filters: AlertFilters,
  topics: Topics,
): AnomalyWarning[] {
  return sortWarnings(
    warnings.filter((w) => passesBase(w, filters, topics) && kindOk(w, filters) && severityOk(w, filters)),
  )
}

export interface AlertCounts {
  /** Warnings (not held back) of each kind, with the severity filter applied. */
  byKind: Record<AnomalyKind, number>
  /** Warnings (not held back) of each severity, with the kind filter applied. */
  bySeverity: Record<Severity, number>
  /** Warnings shown (not held back). */
  warnings: number
  /** Held-back candidates passing the filters (shown muted when asked for). */
  suppressed: number
  /** Acknowledged warnings passing the other filters (hidden unless asked for). */
  acknowledged: number
}

/** Counts on the filter chips: each facet counted with every other filter applied. */
export function countWarnings(
  warnings: readonly AnomalyWarning[],
  filters: AlertFilters,
  topics: Topics,
): AlertCounts {
  const byKind = Object.fromEntries(ANOMALY_KINDS.map((k) => [k, 0])) as Record<AnomalyKind, number>
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>
  let shown = 0
  let suppressed = 0
  let acknowledged = 0
  const all = { ...filters, showAcknowledged: true, showSuppressed: true }
  for (const w of warnings) {
    if (!passesBase(w, all, topics)) continue
    if (w.acknowledged !== null && w.suppressed === null && kindOk(w, filters) && severityOk(w, filters))
      acknowledged++
    if (!filters.showAcknowledged && w.acknowledged !== null) continue
    if (w.suppressed !== null) {
      if (kindOk(w, filters)) suppressed++
      continue
    }
    if (severityOk(w, filters)) byKind[w.kind]++
    if (kindOk(w, filters)) bySeverity[w.severity]++
    if (kindOk(w, filters) && severityOk(w, filters)) shown++
  }
  return { byKind, bySeverity, warnings: shown, suppressed, acknowledged }
}

/** How unusual a warning is, for ordering within a severity: |z|, else |change|. */
export function magnitude(warning: Pick<AnomalyWarning, 'z' | 'change'>): number {
  if (warning.z !== null && Number.isFinite(warning.z)) return Math.abs(warning.z)
  if (warning.change !== null && Number.isFinite(warning.change)) return Math.abs(warning.change) / 100
  return 0
}

/** Held back last; then the most severe; then the most unusual; then unit and indicator. */
export function sortWarnings(warnings: readonly AnomalyWarning[]): AnomalyWarning[] {
  return [...warnings].sort(
    (a, b) =>
      Number(a.suppressed !== null) - Number(b.suppressed !== null) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      magnitude(b) - magnitude(a) ||
      a.unit.localeCompare(b.unit) ||
      a.indicator.localeCompare(b.indicator),
  )
}

export type AlertTone = 'bad' | 'good' | 'warn' | 'muted'

/** The badge colour: held back grey; else red for 高 (worsening), green for 低 (improving), amber for 中. */
export function severityTone(warning: Pick<AnomalyWarning, 'severity' | 'suppressed'>): AlertTone {
  if (warning.suppressed !== null) return 'muted'
  return warning.severity === 'high' ? 'bad' : warning.severity === 'low' ? 'good' : 'warn'
}

/** Whether the movement is for the worse ('bad'), the better ('good'), or neither ('neutral'). */
export function movementTone(
  warning: Pick<AnomalyWarning, 'direction' | 'movement'>,
): 'bad' | 'good' | 'neutral' {
  if (warning.movement === null) return 'neutral'
  const worse = worsens(warning.direction, warning.movement)
  return worse === null ? 'neutral' : worse ? 'bad' : 'good'
}

/** The badge text: 高 / 中 / 低, or why a candidate was held back (样本过少 …). */
export function severityText(warning: Pick<AnomalyWarning, 'severityLabel' | 'suppressed'>): string {
  return warning.suppressed ?? warning.severityLabel
}

/** +12.3个百分点, -45.0%, —. */
export function changeLabel(warning: Pick<AnomalyWarning, 'change' | 'changeUnit'>): string {
  return formatChange(warning.change, warning.changeUnit, 1)
}

export const MOVEMENT_ARROWS = { up: '↑', down: '↓' } as const

/**
 * What the value was compared with, as one line: 去年同期 15.0天; 全省基层院中位数 16.5天; 预期 9.4天
 * （0.0天～20.3天） (the interval of 季节异常); for 空白 the unit's usual sample (a count, not in display
 * units): 通常 23.
 */
export function baselineText(
  warning: Pick<
    AnomalyWarning,
    'kind' | 'baseline' | 'baselineLabel' | 'displayUnit' | 'precision' | 'expected' | 'lower' | 'upper'
  >,
): string {
  const { displayUnit: unit, precision } = warning
  if (warning.kind === '空白') return `${warning.baselineLabel || '通常'} ${countText(warning.baseline)}`
  const base = formatIndicatorValue(warning.baseline, unit, precision)
  if (warning.kind === '季节异常' && warning.lower !== null && warning.upper !== null) {
    const low = formatIndicatorValue(warning.lower, unit, precision)
    const high = formatIndicatorValue(warning.upper, unit, precision)
    return `预期 ${formatIndicatorValue(warning.expected ?? warning.baseline, unit, precision)}（${low}～${high}）`
  }
  return `${warning.baselineLabel} ${base}`
}

/** How unusual, in words: 正常波动的4.5倍 (升降), 稳健z值 5.6 (离群), 4.1个标准差 (季节异常). */
export function zText(warning: Pick<AnomalyWarning, 'kind' | 'z'>): string {
  if (warning.z === null || !Number.isFinite(warning.z)) return ''
  const size = formatNumber(Math.abs(warning.z), 2)
  if (warning.kind === '升降') return `正常波动的${size}倍`
  if (warning.kind === '离群') return `稳健z值 ${size}`
  if (warning.kind === '季节异常') return `${size}个标准差`
  return ''
}

/**
 * A contribution or difference in display units, signed: +2.3个百分点 for rates, +12人 / +14.5天 for
 * counts and days, +0.12 for ratios.
 */
export function deltaText(value: number | null | undefined, unit: DisplayUnit, precision: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY
  const digits = isRateUnit(unit) ? Math.max(1, precision) : precision
  const size = formatNumber(Math.abs(value), digits)
  const sign = Number(size.replace(/,/g, '')) === 0 ? '' : value > 0 ? '+' : '-'
  if (isRateUnit(unit)) return `${sign}${size}个${unit === '%' ? '百分点' : '千分点'}`
  return unit === '比值' ? `${sign}${size}` : `${sign}${size}${unit}`
}

/** A share of the whole change: 62.5%; — when undefined. */
export function shareText(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return EMPTY
  return `${formatNumber(share * 100, 1)}%`
}

export interface TopicOption {
  value: string
  label: string
}

/** The topic filter's options: every theme, then every tag, each in the catalogue's order of appearance. */
export function topicOptions(indicators: readonly IndicatorTopics[]): {
  themes: TopicOption[]
  tags: TopicOption[]
} {
  const themes = new Set<string>()
  const tags = new Set<string>()
  for (const indicator of indicators) {
    themes.add(indicator.theme)
    for (const tag of indicator.tags) tags.add(tag)
  }
  return {
    themes: [...themes].map((t) => ({ value: `theme:${t}`, label: t })),
    tags: [...tags].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((t) => ({ value: `tag:${t}`, label: t })),
  }
}

export interface UnitScope {
  /** The unit whose subordinates are included; null: every unit. */
  code: string | null
  label: string
}

/** The unit filter: every unit, or one 市院 with its 基层院 (codes in order). */
export function unitScopes(units: readonly UnitSummary[]): UnitScope[] {
  const cities = units
    .filter((u) => u.level === 'city')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  return [
    { code: null, label: '全部单位' },
    ...cities.map((u) => ({ code: u.code, label: `${u.name.replace(/人民检察院$/, '')}及所辖基层院` })),
  ]
}

/** Whether a unit has subordinate units (its change can be split by 下级院). */
export function hasSubordinates(units: readonly UnitSummary[], code: string): boolean {
  return units.some((u) => u.parent === code)
}

/** The acknowledgement as one line, in local time: 张三 于 2026-01-15 09:30:00 确认：已核实…. */
export function acknowledgementText(ack: { note: string; reviewer: string | null; at: string }): string {
  const when = formatTimestamp(ack.at)
  return `${ack.reviewer ?? '（未署名）'} 于 ${when} 确认${ack.note ? `：${ack.note}` : ''}`
}

/** The warnings with acknowledgements made since they were listed (id → acknowledgement, or null: undone). */
export function withAcknowledgements(
  warnings: readonly AnomalyWarning[],
  changes: ReadonlyMap<string, Acknowledgement | null>,
): AnomalyWarning[] {
  if (changes.size === 0) return [...warnings]
  return warnings.map((w) => (changes.has(w.id) ? { ...w, acknowledged: changes.get(w.id) ?? null } : w))
}

/**
 * The last month of a warning's trend chart: the latest month with data when it is less than two years
 * after the period's end (so the period stays in the 36 months shown and the forecast follows), else
 * none (the chart ends with the period).
 */
export function trendThrough(
  periodText: string,
  coverageLast: string | null | undefined,
): string | undefined {
  if (!coverageLast) return undefined
  const parsed = parsePeriod(periodText)
  if (!parsed.ok) return undefined
  const last = monthIndexOfDate(`${coverageLast}-01`)
  return last > parsed.period.to && last - parsed.period.to < 24 ? coverageLast : undefined
}
