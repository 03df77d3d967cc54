/**
 * Numbers as Chinese reports write them: large counts in 万 and 亿, Chinese numerals for headings
 * (一、（一）), and the display of an indicator's value in a sentence or a table cell.
 */
import { formatFixed } from '../format/round.ts'
import type { DisplayUnit } from '../indicators/model.ts'

/** Drops trailing zeros of a fixed-decimal text: '1.20' → '1.2', '3.00' → '3'. */
const trimZeros = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text)

/**
 * A count in Chinese style: below 10,000 as digits (no separators), then 万, then 亿, with at most two
 * decimals and no trailing zeros.
 * @example chineseAmount(9876) === '9876'
 * @example chineseAmount(12_345) === '1.23万'
 * @example chineseAmount(120_000) === '12万'
 * @example chineseAmount(123_456_789) === '1.23亿'
 */
export function chineseAmount(value: number, precision = 0): string {
  const magnitude = Math.abs(value)
  if (magnitude >= 1e8) return `${trimZeros(formatFixed(value / 1e8, 2))}亿`
  if (magnitude >= 1e4) return `${trimZeros(formatFixed(value / 1e4, 2))}万`
  return formatFixed(value, precision)
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/**
 * 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings never need more).
 * @example chineseNumeral(14) === '十四'
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return DIGITS[n]
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`
}

/**
 * The number of a heading at a level, as official documents number them: 一、 （一） 1. （1）.
 * @example headingNumber(1, 3) === '三、'
 * @example headingNumber(2, 2) === '（二）'
 */
export function headingNumber(level: number, n: number): string {
  if (level <= 1) return `${chineseNumeral(n)}、`
  if (level === 2) return `（${chineseNumeral(n)}）`
  if (level === 3) return `${n}.`
  return `（${n}）`
}

/**
 * An indicator's value in a sentence: rates with their sign (23.1%), counts in 万/亿 with 件 or 人,
 * days with 天; null (an empty base) is null, so no sentence is built on it.
 * @example narrativeValue(23.08, '%', 1) === '23.1%'
 * @example narrativeValue(12_345, '人', 0) === '1.23万人'
 */
export function narrativeValue(value: number | null, unit: DisplayUnit, precision: number): string | null {
  if (value === null || !Number.isFinite(value)) return null
  if (unit === '件' || unit === '人') return `${chineseAmount(value, precision)}${unit}`
  const number = formatFixed(value, precision)
  return unit === '比值' ? number : `${number}${unit}`
}

/**
 * An indicator's value in a table cell: full digits (tables are for looking up exact figures), the
 * unit kept; '—' for an empty base.
 * @example tableValue(12_345, '人', 0) === '12345人'
 * @example tableValue(null, '%', 1) === '—'
 */
export function tableValue(value: number | null, unit: DisplayUnit, precision: number): string {
  if (value === null || !Number.isFinite(value)) return '—'
  const number = formatFixed(value, precision)
  return unit === '比值' ? number : `${number}${unit}`
}
