/**
 * Chart data for report charts: categories, series and number format, in display units rounded as
 * the report writes them (so a chart and a table never disagree). null when there is nothing to draw.
 */
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { roundHalfUp } from '../../../../shared/format/round.ts'
import type { ChartSpec } from '../../../../shared/reports/report-model.ts'
import type { BlockOf } from '../../../../shared/reports/template.ts'
import type { ReportData } from '../report-data.ts'
import { definitionOf, figureOf, scopeOf, unitsOf, type Binding } from './binding.ts'
import { flagUnitName } from './tables.ts'

const rounded = (v: number | null | undefined, decimals: number) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : roundHalfUp(v, decimals)

/**
 * Month labels as Chinese charts write them, short enough not to wrap: the year only on the first
 * month and on every January ('24年10月', '11月', '12月', '25年1月', '2月' …).
 */
export function monthCategories(keys: readonly string[]): string[] {
  return keys.map((key, i) => {
    const month = Number(key.slice(5, 7))
    return i === 0 || month === 1 ? `${key.slice(2, 4)}年${month}月` : `${month}月`
  })
}

const hasData = (spec: ChartSpec) => spec.series.some((s) => s.values.some((v) => v !== null && v !== 0))

function defs(data: ReportData, refs: readonly string[]): IndicatorSummary[] {
  return refs.map((ref) => definitionOf(data, ref)).filter((d): d is IndicatorSummary => d !== undefined)
}

export function trendChart(
  data: ReportData,
  binding: Binding,
  block: BlockOf<'trendChart'>,
): ChartSpec | null {
  const monthly = data.monthly
  if (!monthly) return null
  const definitions = defs(data, block.indicators)
  if (definitions.length === 0) return null
  const end = monthly.months.length
  const start = Math.max(0, end - block.months)
  const months = monthly.months.slice(start, end)
  const valuesOf = (d: IndicatorSummary, from: number, to: number) => {
    const all = monthly.values.get(d.id)?.get(binding.unit.code)
    return Array.from({ length: to - from }, (_, i) =>
      from + i < 0 || !all ? null : rounded(all[from + i], d.precision),
    )
  }
  const series = definitions.map((d) => ({ name: d.name, values: valuesOf(d, start, end) }))
  if (block.lastYear && definitions.length === 1)
    series.push({ name: '去年同期', values: valuesOf(definitions[0], start - 12, end - 12) })
  const spec: ChartSpec = {
    type: 'line',
    categories: monthCategories(months),
    series,
    valueUnit: definitions[0].unit === '比值' ? '' : definitions[0].unit,
    decimals: Math.max(...definitions.map((d) => d.precision)),
    labels: false,
  }
  return hasData(spec) ? spec : null
}

export function rankingChart(
  data: ReportData,
  binding: Binding,
  block: BlockOf<'rankingChart'>,
): ChartSpec | null {
  const definition = definitionOf(data, block.indicator)
  if (!definition) return null
  const units = unitsOf(data, binding.unit, block.units)
  const points = units
    .map((u) => ({
      name: u.short,
      value: rounded(figureOf(binding, definition.id, u)?.value, definition.precision),
    }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))
  const spec: ChartSpec = {
    type: 'bar',
    categories: points.map((p) => p.name),
    series: [{ name: definition.name, values: points.map((p) => p.value) }],
    valueUnit: definition.unit === '比值' ? '' : definition.unit,
    decimals: definition.precision,
    labels: points.length <= 20,
  }
  return hasData(spec) ? spec : null
}

export function compositionChart(
  data: ReportData,
  binding: Binding,
  block: BlockOf<'compositionChart'>,
): ChartSpec | null {
  const definitions = defs(data, block.indicators)
  if (definitions.length === 0) return null
  const decimals = Math.max(...definitions.map((d) => d.precision))
  if (block.by === 'parts') {
    const spec: ChartSpec = {
      type: 'pie',
      categories: definitions.map((d) => d.name),
      series: [
        {
          name: binding.unit.short,
          values: definitions.map((d) => rounded(figureOf(binding, d.id)?.value, d.precision)),
        },
      ],
      valueUnit: definitions[0].unit,
      decimals,
      labels: true,
    }
    return hasData(spec) ? spec : null
  }
  const units = unitsOf(data, binding.unit, block.units)
  const spec: ChartSpec = {
    type: 'bar',
    stacked: true,
    categories: units.map((u) => u.short),
    series: definitions.map((d) => ({
      name: d.name,
      values: units.map((u) => rounded(figureOf(binding, d.id, u)?.value, d.precision)),
    })),
    valueUnit: definitions[0].unit,
    decimals,
    labels: false,
  }
  return hasData(spec) ? spec : null
}

export function profileChart(
  data: ReportData,
  binding: Binding,
  block: BlockOf<'profileChart'>,
): ChartSpec | null {
  const definitions = defs(data, block.indicators)
  if (definitions.length === 0) return null
  const scope = scopeOf(data, binding.unit)
  const series = [
    {
      name: binding.unit.short,
      values: definitions.map((d) => rounded(figureOf(binding, d.id)?.value, d.precision)),
    },
  ]
  if (scope)
    series.push({
      name: `${scope}平均`,
      values: definitions.map((d) => rounded(figureOf(binding, d.id)?.peerAverage, d.precision)),
    })
  const spec: ChartSpec = {
    type: 'bar',
    categories: definitions.map((d) => d.name),
    series,
    valueUnit: definitions[0].unit === '比值' ? '' : definitions[0].unit,
    decimals: Math.max(...definitions.map((d) => d.precision)),
    labels: definitions.length * series.length <= 16,
  }
  return hasData(spec) ? spec : null
}

export function flagChart(data: ReportData, block: BlockOf<'flagChart'>): ChartSpec | null {
  const flags = data.flags
  if (!flags || flags.totals.total === 0) return null
  if (block.by === 'status') {
    const t = flags.totals
    return {
      type: 'pie',
      categories: ['待核查', '已确认', '已整改', '误报'],
      series: [{ name: '核查结果', values: [t.open, t.confirmed, t.rectified, t.falsePositive] }],
      valueUnit: '条',
      decimals: 0,
      labels: true,
    }
  }
  if (block.by === 'rule') {
    const rules = flags.byRule.slice(0, block.limit)
    return {
      type: 'bar',
      categories: rules.map((r) => `${r.rule} ${r.name.length > 12 ? `${r.name.slice(0, 12)}…` : r.name}`),
      series: [
        { name: '已整改', values: rules.map((r) => r.rectified) },
        { name: '未整改', values: rules.map((r) => r.open + r.confirmed) },
      ],
      stacked: true,
      valueUnit: '条',
      decimals: 0,
      labels: false,
    }
  }
  const units = [...flags.byUnit].sort((a, b) => b.total - a.total).slice(0, block.limit)
  return {
    type: 'bar',
    stacked: true,
    categories: units.map((u) => flagUnitName(data, u.unit)),
    series: [
      { name: '已整改', values: units.map((u) => u.rectified) },
      { name: '未整改', values: units.map((u) => u.open + u.confirmed) },
      { name: '误报', values: units.map((u) => u.falsePositive) },
    ],
    valueUnit: '条',
    decimals: 0,
    labels: false,
  }
}
