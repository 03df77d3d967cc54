/**
 * Display texts of the dashboard: values in their display unit, 同比/环比 changes (百分点 for rates,
 * % for the rest), ranks (第3/13名), and the 数据质量影响 check (does bad data move a figure by more
 * than the analyst's margin?).
 */
import type { Comparison, IndicatorResult } from '../../../../shared/ipc/indicator-contract.ts'
import { isRateUnit, type Direction, type DisplayUnit } from '../../../../shared/indicators/model.ts'
import { parsePeriod } from '../../../../shared/indicators/period.ts'
import { formatCount } from '../../format/numbers.ts'

export const EMPTY = '—'

/** 1234.5 with 1 decimal → 1,234.5; null → —. */
export function formatNumber(value: number | null | undefined, precision: number): string {
  if (value == null || !Number.isFinite(value)) return EMPTY
  const [whole, fraction] = Math.abs(value).toFixed(precision).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const sign = value < 0 && Number(Math.abs(value).toFixed(precision)) !== 0 ? '-' : ''
  return fraction === undefined ? sign + grouped : `${sign}${grouped}.${fraction}`
}

/** A value with its unit: 34.2%, 3.1‰, 1,234件, 12.5天, 1.23 (比值). */
export function valueText(value: number | null | undefined, unit: DisplayUnit, precision: number): string {
  const number = formatNumber(value, precision)
  if (number === EMPTY || unit === '比值') return number
  return `${number}${unit}`
}

/** A raw count (numerator, denominator): grouped, at most 2 decimals (sums and averages may have them). */
export function countText(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return EMPTY
  return formatCount(Math.round(value * 100) / 100)
}

/** +1.2个百分点, −3.4%, 持平, —. */
export function changeText(comparison: Comparison | undefined, precision = 1): string {
  if (!comparison || comparison.change === null || !Number.isFinite(comparison.change)) return EMPTY
  const change = comparison.change
  const digits = comparison.changeUnit === '%' ? 1 : Math.max(1, precision)
  if (Number(change.toFixed(digits)) === 0) return '持平'
  const sign = change > 0 ? '+' : '−'
  const size = formatNumber(Math.abs(change), digits)
  return comparison.changeUnit === '%' ? `${sign}${size}%` : `${sign}${size}个${comparison.changeUnit}`
}

/** Is a change for the better? null for 区间 indicators and no change. */
export function changeIsGood(comparison: Comparison | undefined, direction: Direction): boolean | null {
  if (!comparison || comparison.change === null || comparison.change === 0 || direction === 'range')
    return null
  return comparison.change > 0 === (direction === 'up')
}

export function rankText(rank: number | null, peers: number): string {
  if (rank === null || peers <= 0) return EMPTY
  return `第${rank}/${peers}名`
}

/** Margins beyond which a shift caused by flagged data is marked (rates in 百分点, others relative in %). */
export interface QualityMargins {
  rate: number
  relative: number
}

export const DEFAULT_MARGINS: QualityMargins = { rate: 1, relative: 5 }

/** How far flagged data moves the figure, when it moves it beyond the margin; null otherwise. */
export function qualityAlert(
  result: Pick<IndicatorResult, 'qualityShift' | 'clean' | 'value'>,
  unit: DisplayUnit,
  margins: QualityMargins,
): string | null {
  const shift = result.qualityShift
  if (shift == null || !Number.isFinite(shift) || shift === 0) return null
  if (isRateUnit(unit)) {
    if (Math.abs(shift) <= margins.rate) return null
    const point = unit === '‰' ? '千分点' : '百分点'
    return `存疑数据使该值${shift > 0 ? '偏高' : '偏低'} ${formatNumber(Math.abs(shift), 2)} 个${point}（阈值 ${margins.rate} 个${point}）`
  }
  const clean = result.clean?.value ?? null
  const relative = clean === null || clean === 0 ? null : (shift / Math.abs(clean)) * 100
  if (relative !== null && Math.abs(relative) <= margins.relative) return null
  const size = relative === null ? '' : ` ${formatNumber(Math.abs(relative), 1)}%`
  return `存疑数据使该值${shift > 0 ? '偏高' : '偏低'}${size}（阈值 ${margins.relative}%）`
}

/** Reads a margin input: a finite number ≥ 0, else the fallback. */
export function parseMargin(text: string, fallback: number): number {
  const value = Number(text.trim())
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : fallback
}

/** '34.2%' style text of a result, '—' when it has no value (the engine's display when present). */
export function resultText(result: IndicatorResult | undefined): string {
  if (!result || result.unavailable || result.value === null) return EMPTY
  return result.display || EMPTY
}

/** 2024年第三季度 for 2024Q3; the text itself when it is not a period. */
export function periodLabel(text: string): string {
  const parsed = parsePeriod(text)
  return parsed.ok ? parsed.period.label : text
}
