/**
 * Display of indicator figures: rounded half up once, at display (DESIGN "Rounding"); an undefined
 * figure is "—", never NaN, Infinity or 0%.
 */
import { formatFixed } from '../format/round.ts'
import { isRateUnit, type DisplayUnit } from './model.ts'

/** Thousands separators on the integer part of a fixed-decimal text. */
function grouped(text: string): string {
  const [whole, decimals] = text.split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}${digits}${decimals === undefined ? '' : `.${decimals}`}`
}

/**
 * @example formatIndicatorValue(34.2254, '%', 1) === '34.2%'
 * @example formatIndicatorValue(1234, '人', 0) === '1,234人'
 * @example formatIndicatorValue(null, '%', 1) === '—'
 */
export function formatIndicatorValue(
  value: number | null | undefined,
  unit: DisplayUnit,
  precision: number,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const number = grouped(formatFixed(value, precision))
  return unit === '比值' ? number : `${number}${unit}`
}

/**
 * A change as the reports write it: rates in 百分点 (‰ in 千分点), everything else in %.
 * @example formatChange(2.345, '百分点', 1) === '+2.3个百分点'
 * @example formatChange(-12.5, '%', 1) === '-12.5%'
 */
export function formatChange(change: number | null | undefined, changeUnit: string, precision = 1): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—'
  const text = formatFixed(change, precision)
  const signed = change > 0 && !text.startsWith('-') ? `+${text}` : text
  return changeUnit === '%' ? `${signed}%` : `${signed}个${changeUnit}`
}

export const changeUnitOf = (unit: DisplayUnit): '百分点' | '千分点' | '%' =>
  unit === '%' ? '百分点' : unit === '‰' ? '千分点' : '%'

/** Change from `earlier` to `value`: difference for rates, relative % otherwise; null when undefined. */
export function changeBetween(
  value: number | null,
  earlier: number | null,
  unit: DisplayUnit,
): number | null {
  if (value === null || earlier === null) return null
  if (isRateUnit(unit)) return value - earlier
  if (earlier === 0) return null
  return ((value - earlier) / Math.abs(earlier)) * 100
}
