/**
 * The phrases analysis reports are written in (see ../shared/domain/reports.md §5.2–5.3): changes of
 * counts in % ("同比上升12.5%"), of rates in 个百分点 ("同比增加3.2个百分点"), 件 and 人 in pairs
 * ("97件134人，件数和人数分别同比下降50.8%、64.3%"), ranks among peer units, comparison with their
 * average, and superlatives only when the data bear them out ("为近三年同期最高").
 *
 * Every helper returns null when the figure it would speak about is blank, so the caller drops the
 * clause instead of writing a sentence on an empty value.
 */
import { formatFixed } from '../format/round.ts'
import { isRateUnit, type Direction, type DisplayUnit } from '../indicators/model.ts'
import { narrativeValue } from './numbers.ts'

/** Relative changes (counts, days, ratios) are written with one decimal. */
export const RELATIVE_PRECISION = 1

/** 同比 compares with the same window a year earlier, 环比 with the window just before. */
export type ComparisonLabel = '同比' | '环比'

const baseline = (label: ComparisonLabel) => (label === '同比' ? '去年同期' : '上期')

/** Decimals a change is written with: the indicator's own for rates (at least one), one for %. */
export function changePrecision(unit: DisplayUnit, precision: number): number {
  return isRateUnit(unit) ? Math.max(precision, 1) : RELATIVE_PRECISION
}

/** The rounded magnitude of a change as written, and its sign after rounding (0 = 持平). */
function roundedChange(change: number, unit: DisplayUnit, precision: number): { text: string; sign: number } {
  const text = formatFixed(Math.abs(change), changePrecision(unit, precision))
  return { text, sign: /[1-9]/.test(text) ? Math.sign(change) : 0 }
}

/**
 * "同比上升12.5%" / "同比下降3.0%" for counts, "同比增加3.2个百分点" / "同比减少0.5个百分点" for rates,
 * "与去年同期持平" when the change rounds to zero; null when there is nothing to compare with.
 * @example changePhrase(12.54, '人', 0) === '同比上升12.5%'
 * @example changePhrase(-3.21, '%', 1) === '同比减少3.2个百分点'
 * @example changePhrase(0.01, '%', 1) === '与去年同期持平'
 */
export function changePhrase(
  change: number | null,
  unit: DisplayUnit,
  precision: number,
  label: ComparisonLabel = '同比',
): string | null {
  if (change === null || !Number.isFinite(change)) return null
  const { text, sign } = roundedChange(change, unit, precision)
  if (sign === 0) return `与${baseline(label)}持平`
  if (isRateUnit(unit)) {
    const points = unit === '%' ? '个百分点' : '个千分点'
    return `${label}${sign > 0 ? '增加' : '减少'}${text}${points}`
  }
  return `${label}${sign > 0 ? '上升' : '下降'}${text}%`
}

/**
 * The size of a change without its direction: "12.5%", "3.2个百分点" (for templates that word the
 * direction themselves).
 */
export function changeMagnitude(change: number | null, unit: DisplayUnit, precision: number): string | null {
  if (change === null || !Number.isFinite(change)) return null
  const { text } = roundedChange(change, unit, precision)
  if (unit === '%') return `${text}个百分点`
  if (unit === '‰') return `${text}个千分点`
  return `${text}%`
}

/** One figure of a pair: its value, its change and how it is named (件数, 人数). */
export interface PairPart {
  value: number | null
  change: number | null
  unit: DisplayUnit
  precision: number
  /** 件数 / 人数 by default (from the unit), else the indicator's name. */
  label?: string
}

const partLabel = (part: PairPart) =>
  part.label ?? (part.unit === '件' ? '件数' : part.unit === '人' ? '人数' : '数量')

/**
 * Two counts written together, cases before persons: "97件134人". Null when either is blank (a pair
 * with one half missing is written as the single figure by the template instead).
 * @example pairValues({ value: 97, unit: '件', … }, { value: 134, unit: '人', … }) === '97件134人'
 */
export function pairValues(a: PairPart, b: PairPart): string | null {
  const first = narrativeValue(a.value, a.unit, a.precision)
  const second = narrativeValue(b.value, b.unit, b.precision)
  if (first === null || second === null) return null
  return `${first}${second}`
}

/**
 * The changes of a pair: "件数和人数分别同比下降50.8%、64.3%", "件数和人数均同比上升5.0%",
 * "件数同比上升3.0%，人数同比下降2.0%", "件数和人数均与去年同期持平"; only the half that has a change
 * when the other has none; null when neither has.
 */
export function pairChange(a: PairPart, b: PairPart, label: ComparisonLabel = '同比'): string | null {
  const phraseA = changePhrase(a.change, a.unit, a.precision, label)
  const phraseB = changePhrase(b.change, b.unit, b.precision, label)
  if (phraseA === null && phraseB === null) return null
  if (phraseA === null) return `${partLabel(b)}${phraseB}`
  if (phraseB === null) return `${partLabel(a)}${phraseA}`
  const ra = roundedChange(a.change!, a.unit, a.precision)
  const rb = roundedChange(b.change!, b.unit, b.precision)
  const both = `${partLabel(a)}和${partLabel(b)}`
  if (ra.sign === 0 && rb.sign === 0) return `${both}均与${baseline(label)}持平`
  const sameKind = isRateUnit(a.unit) === isRateUnit(b.unit)
  if (ra.sign === rb.sign && sameKind) {
    const verb = phraseA.slice(label.length, label.length + 2) // 上升 / 下降 / 增加 / 减少
    const suffix = isRateUnit(a.unit) ? (a.unit === '%' ? '个百分点' : '个千分点') : '%'
    if (ra.text === rb.text) return `${both}均${label}${verb}${ra.text}${suffix}`
    return `${both}分别${label}${verb}${ra.text}${suffix}、${rb.text}${suffix}`
  }
  return `${partLabel(a)}${phraseA}，${partLabel(b)}${phraseB}`
}

/** How a rank reads: best first by the indicator's direction. */
export function rankOrder(direction: Direction): string {
  return direction === 'down' ? '由低到高' : '由高到低'
}

/**
 * "在全市11个基层院中由高到低排第2位". Null without a rank or with fewer than two ranked peers.
 * @param scope 全市 / 全省: where the peers are
 * @param noun 基层院 / 市院: what the peers are
 */
export function rankPhrase(
  rank: number | null,
  peers: number,
  scope: string | null,
  noun: string,
  direction: Direction,
): string | null {
  if (rank === null || peers < 2 || scope === null) return null
  return `在${scope}${peers}个${noun}中${rankOrder(direction)}排第${rank}位`
}

/**
 * "高于全市平均水平3.2个百分点" (rates), "低于全市平均水平12.5%" (counts, days), "与全市平均水平持平";
 * null when there is no average or the value is blank.
 */
export function averagePhrase(
  value: number | null,
  average: number | null,
  unit: DisplayUnit,
  precision: number,
  scope: string | null,
): string | null {
  if (value === null || average === null || scope === null) return null
  let difference: number
  if (isRateUnit(unit)) difference = value - average
  else if (average === 0) return null
  else difference = ((value - average) / Math.abs(average)) * 100
  const { text, sign } = roundedChange(difference, unit, precision)
  if (sign === 0) return `与${scope}平均水平持平`
  const size = unit === '%' ? `${text}个百分点` : unit === '‰' ? `${text}个千分点` : `${text}%`
  return `${sign > 0 ? '高于' : '低于'}${scope}平均水平${size}`
}

const YEARS = ['', '', '近两年', '近三年', '近四年', '近五年']

/**
 * "为近三年同期最高" / "为近三年最低" — only when it is true: every year has a figure and the current one
 * (first), at the precision it is written with, is strictly above (below) every earlier one.
 * @param values the current window's value first, then the same window one, two … years earlier
 * @param sameWindow the window is shorter than a year, so it is compared with 同期 of earlier years
 */
export function extremePhrase(
  values: readonly (number | null)[],
  precision: number,
  sameWindow: boolean,
): string | null {
  if (values.length < 3 || values.length >= YEARS.length) return null
  if (values.some((v) => v === null || !Number.isFinite(v))) return null
  const rounded = values.map((v) => Number(formatFixed(v!, precision)))
  const [current, ...earlier] = rounded
  const when = `${YEARS[values.length]}${sameWindow ? '同期' : ''}`
  if (earlier.every((v) => current > v)) return `为${when}最高`
  if (earlier.every((v) => current < v)) return `为${when}最低`
  return null
}
