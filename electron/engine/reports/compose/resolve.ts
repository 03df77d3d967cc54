/**
 * Placeholder values and conditions for a binding: every value is a finished phrase in the way
 * reports write it, or null when the figure is blank (renderText then drops the clause).
 */
import type { FlagCounts } from '../../../../shared/ipc/quality-contract.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { formatFixed } from '../../../../shared/format/round.ts'
import { isRateUnit } from '../../../../shared/indicators/model.ts'
import {
  averagePhrase,
  changeMagnitude,
  changePhrase,
  changePrecision,
  extremePhrase,
  pairChange,
  pairValues,
  rankPhrase,
  type PairPart,
} from '../../../../shared/reports/narrative.ts'
import { chineseAmount, narrativeValue } from '../../../../shared/reports/numbers.ts'
import {
  isContextName,
  QUALITY_NAME,
  renderText,
  type ContextName,
  type Placeholder,
} from '../../../../shared/reports/placeholders.ts'
import type { Condition } from '../../../../shared/reports/template.ts'
import { levelNoun } from '../../../../shared/reports/units.ts'
import type { ReportData } from '../report-data.ts'
import {
  chineseDate,
  chineseMonth,
  childNoun,
  childrenOf,
  definitionOf,
  figureOf,
  isPartYear,
  lastYearCovered,
  parentOf,
  scopeOf,
  type Binding,
} from './binding.ts'

function contextValue(data: ReportData, binding: Binding, name: ContextName): string | null {
  const unit = binding.unit
  switch (name) {
    case '单位':
      return unit.name
    case '单位简称':
      return unit.short
    case '上级单位':
      return parentOf(data, unit)?.name ?? null
    case '期间':
      return binding.period.label
    case '去年同期':
      return binding.lastYear.label
    case '同级':
      return scopeOf(data, unit)
    case '下级单位':
      return childNoun(data, unit)
    case '下级单位数': {
      const n = childrenOf(data, unit).length
      return n > 0 ? String(n) : null
    }
    case '生成日期':
      return chineseDate(data.today)
    case '数据截至':
      return data.coverage ? chineseMonth(data.coverage.last) : null
  }
}

const zero: FlagCounts = { open: 0, confirmed: 0, rectified: 0, falsePositive: 0, total: 0 }

function qualityValue(data: ReportData, binding: Binding, property: string): string | null {
  const flags = data.flags
  if (!flags) return null
  const counts =
    binding.unit.code === data.unit.code
      ? flags.totals
      : (flags.byUnit.find((u) => u.unit === binding.unit.code) ?? zero)
  const n = (value: number) => `${chineseAmount(value)}条`
  switch (property) {
    case '命中':
      return n(counts.total)
    case '待核查':
      return n(counts.open)
    case '已确认':
      return n(counts.confirmed)
    case '已整改':
      return n(counts.rectified)
    case '误报':
      return n(counts.falsePositive)
    case '未整改':
      return n(counts.open + counts.confirmed)
    case '整改率': {
      const base = counts.total - counts.falsePositive
      return base > 0 ? `${formatFixed((counts.rectified / base) * 100, 1)}%` : null
    }
    case '规则数':
      return String(flags.byRule.length)
    case '涉及单位数':
      return String(flags.byUnit.filter((u) => u.total > 0 && u.unit !== '').length)
    case '最多规则': {
      const top = flags.byRule[0]
      return top ? `“${top.name}”（${n(top.total)}）` : null
    }
    case '最多单位': {
      const top = [...flags.byUnit].filter((u) => u.unit !== '').sort((a, b) => b.total - a.total)[0]
      const unit = top && data.units.get(top.unit)
      return top && unit && top.total > 0 ? `${unit.short}（${n(top.total)}）` : null
    }
    default:
      return null
  }
}

/** Values of the same window in earlier years, current first; null where a year is not in the data. */
function yearsOf(data: ReportData, binding: Binding, definition: IndicatorSummary, r: IndicatorResult) {
  if (!binding.isReportPeriod || r.partial) return null
  const older = data.history.get(definition.id)?.get(binding.unit.code)
  if (!older) return null
  const lastYear = lastYearCovered(data, binding.period) ? r.yoy.value : null
  return [r.value, lastYear, older[0]]
}

function indicatorValue(
  data: ReportData,
  binding: Binding,
  definition: IndicatorSummary,
  property: string,
): string | null {
  if (property === '名称') return definition.name
  const r = figureOf(binding, definition.id)
  if (!r) return null
  const { unit, precision } = definition
  const amount = (v: number | null) =>
    v === null ? null : chineseAmount(v, isRateUnit(unit) ? 0 : precision)
  switch (property) {
    case '值':
      return narrativeValue(r.value, unit, precision)
    case '数值':
      return r.value === null
        ? null
        : unit === '件' || unit === '人'
          ? chineseAmount(r.value, precision)
          : formatFixed(r.value, precision)
    case '分子':
      return amount(r.numerator)
    case '分母':
      return amount(r.denominator)
    case '去年同期':
      return lastYearCovered(data, binding.period) ? narrativeValue(r.yoy.value, unit, precision) : null
    case '同比':
      return lastYearCovered(data, binding.period)
        ? changePhrase(r.yoy.change, unit, precision, '同比')
        : null
    case '同比幅度':
      return lastYearCovered(data, binding.period) ? changeMagnitude(r.yoy.change, unit, precision) : null
    case '环比':
      return changePhrase(r.mom.change, unit, precision, '环比')
    case '环比幅度':
      return changeMagnitude(r.mom.change, unit, precision)
    case '上期':
      return narrativeValue(r.mom.value, unit, precision)
    case '排名':
      return rankPhrase(
        r.rank,
        r.peers,
        scopeOf(data, binding.unit),
        levelNoun(binding.unit.level),
        definition.effectiveDirection,
      )
    case '名次':
      return r.rank === null || r.peers < 2 ? null : String(r.rank)
    case '均值':
      return scopeOf(data, binding.unit) === null ? null : narrativeValue(r.peerAverage, unit, precision)
    case '与均值比':
      return averagePhrase(r.value, r.peerAverage, unit, precision, scopeOf(data, binding.unit))
    case '最值': {
      const years = yearsOf(data, binding, definition, r)
      return years ? extremePhrase(years, precision, isPartYear(binding.period)) : null
    }
    case '口径':
      return r.caliberName
    default:
      return null
  }
}

function pairValue(
  data: ReportData,
  binding: Binding,
  a: IndicatorSummary,
  b: IndicatorSummary,
  property: string,
) {
  const ra = figureOf(binding, a.id)
  const rb = figureOf(binding, b.id)
  if (!ra || !rb) return null
  const covered = lastYearCovered(data, binding.period)
  const part = (d: IndicatorSummary, r: IndicatorResult, which: 'value' | 'yoy' | 'mom'): PairPart => ({
    value: which === 'value' ? r.value : which === 'yoy' ? (covered ? r.yoy.value : null) : r.mom.value,
    change: which === 'yoy' ? (covered ? r.yoy.change : null) : which === 'mom' ? r.mom.change : null,
    unit: d.unit,
    precision: d.precision,
    label: d.unit === '件' ? '件数' : d.unit === '人' ? '人数' : d.name,
  })
  switch (property) {
    case '值':
      return pairValues(part(a, ra, 'value'), part(b, rb, 'value'))
    case '去年同期':
      return pairValues(part(a, ra, 'yoy'), part(b, rb, 'yoy'))
    case '同比':
      return pairChange(part(a, ra, 'yoy'), part(b, rb, 'yoy'), '同比')
    case '环比':
      return pairChange(part(a, ra, 'mom'), part(b, rb, 'mom'), '环比')
    default:
      return null
  }
}

/** A placeholder's value for a binding; null = blank. */
export function resolvePlaceholder(data: ReportData, binding: Binding, p: Placeholder): string | null {
  const [first, second] = p.names
  if (p.names.length === 1 && isContextName(first)) return contextValue(data, binding, first)
  if (p.names.length === 1 && first === QUALITY_NAME) return qualityValue(data, binding, p.property)
  const a = definitionOf(data, first)
  if (!a) return null
  if (second === undefined) return indicatorValue(data, binding, a, p.property)
  const b = definitionOf(data, second)
  return b ? pairValue(data, binding, a, b, p.property) : null
}

/** A text with its placeholders filled for a binding (clauses on blanks dropped). */
export function fill(data: ReportData, binding: Binding, text: string): string {
  return renderText(text, (p) => resolvePlaceholder(data, binding, p))
}

/** The sign of a change as written (0 when it rounds to nothing), or null without a change. */
function writtenSign(change: number | null, definition: IndicatorSummary): number | null {
  if (change === null) return null
  const text = formatFixed(Math.abs(change), changePrecision(definition.unit, definition.precision))
  return /[1-9]/.test(text) ? Math.sign(change) : 0
}

/** Whether a condition of a narrative case holds for a binding. */
export function holds(data: ReportData, binding: Binding, condition: Condition): boolean {
  if (condition.indicator === QUALITY_NAME) {
    // 核查: whether there are flags in scope (for the unit of the binding).
    const total = qualityValue(data, binding, '命中')
    const any = total !== null && total !== '0条'
    return condition.test === 'present' ? any : condition.test === 'absent' ? !any : false
  }
  const definition = definitionOf(data, condition.indicator)
  const r = definition && figureOf(binding, definition.id)
  if (!definition || !r) return condition.test === 'absent'
  const comparison = condition.comparison === 'mom' ? r.mom : r.yoy
  const change =
    condition.comparison === 'yoy' && !lastYearCovered(data, binding.period) ? null : comparison.change
  const sign = writtenSign(change, definition)
  const threshold = condition.value ?? 0
  switch (condition.test) {
    case 'rises':
      return sign === 1
    case 'falls':
      return sign === -1
    case 'flat':
      return sign === 0
    case 'aboveAverage':
    case 'belowAverage': {
      if (r.value === null || r.peerAverage === null) return false
      const difference = Number(formatFixed(r.value - r.peerAverage, definition.precision))
      return condition.test === 'aboveAverage' ? difference > 0 : difference < 0
    }
    case 'present':
      return r.value !== null
    case 'absent':
      return r.value === null
    case 'changeAtLeast':
      return change !== null && change >= threshold
    case 'changeAtMost':
      return change !== null && change <= threshold
    case 'valueAtLeast':
      return r.value !== null && r.value >= threshold
    case 'valueAtMost':
      return r.value !== null && r.value <= threshold
  }
}
