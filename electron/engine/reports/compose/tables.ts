/**
 * Report tables: indicators of a unit (本期, 去年同期, 同比增减, 全市/全省均值, 排名 …), units ranked by
 * indicators, and data-quality flags by unit, 承办检察官 or rule. Cells are final text.
 */
import type { FlagCounts } from '../../../../shared/ipc/quality-contract.ts'
import type { IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { formatFixed } from '../../../../shared/format/round.ts'
import { formatChange } from '../../../../shared/indicators/format.ts'
import { DIRECTION_NAMES, isRateUnit } from '../../../../shared/indicators/model.ts'
import { changePrecision } from '../../../../shared/reports/narrative.ts'
import { tableValue } from '../../../../shared/reports/numbers.ts'
import type { CellAlign, TableRow } from '../../../../shared/reports/report-model.ts'
import type { BlockOf } from '../../../../shared/reports/template.ts'
import { SEVERITY_NAMES } from '../../../../shared/quality/rule.ts'
import type { ReportData, ReportUnit } from '../report-data.ts'
import {
  definitionOf,
  figureOf,
  lastYearCovered,
  ownScope,
  scopeOf,
  unitsOf,
  type Binding,
} from './binding.ts'

export interface TableContent {
  header: string[]
  align: CellAlign[]
  widths: number[]
  rows: TableRow[]
}

/** Default thresholds for marking a row: a worsening of a directed indicator this large. */
const WARN_RATE = 5
const WARN_COUNT = 20

function worsening(definition: IndicatorSummary, change: number | null): boolean {
  if (change === null) return false
  const limit = isRateUnit(definition.unit) ? WARN_RATE : WARN_COUNT
  const direction = definition.effectiveDirection
  return (direction === 'up' && change <= -limit) || (direction === 'down' && change >= limit)
}

const unitLabel = (definition: IndicatorSummary) =>
  definition.unit === '比值' ? definition.name : `${definition.name}（${definition.unit}）`

export function indicatorTable(
  data: ReportData,
  binding: Binding,
  block: BlockOf<'indicatorTable'>,
): TableContent {
  const scope = scopeOf(data, binding.unit)
  const covered = lastYearCovered(data, binding.period)
  const columns = block.columns.filter((c) => scope !== null || (c !== 'peerAverage' && c !== 'rank'))
  const compare = binding.unit.code === data.unit.code ? data.compare : []
  const header = [
    '指标',
    ...columns.map((c) =>
      c === 'current'
        ? '本期'
        : c === 'lastYear'
          ? '去年同期'
          : c === 'yoy'
            ? '同比增减'
            : c === 'mom'
              ? '环比增减'
              : c === 'peerAverage'
                ? `${scope}均值`
                : c === 'rank'
                  ? '排名'
                  : '方向',
    ),
    ...compare.map((u) => u.short),
  ]
  const rows: TableRow[] = block.indicators.flatMap((ref) => {
    const definition = definitionOf(data, ref)
    if (!definition) return []
    const r = figureOf(binding, definition.id)
    const { unit, precision } = definition
    const change = (c: number | null) =>
      formatChange(
        c,
        isRateUnit(unit) ? (unit === '%' ? '百分点' : '千分点') : '%',
        changePrecision(unit, precision),
      )
    const cells = [
      definition.name,
      ...columns.map((c) => {
        if (c === 'direction') return DIRECTION_NAMES[definition.effectiveDirection]
        if (!r) return '—'
        switch (c) {
          case 'current':
            return tableValue(r.value, unit, precision)
          case 'lastYear':
            return covered ? tableValue(r.yoy.value, unit, precision) : '—'
          case 'yoy':
            return covered ? change(r.yoy.change) : '—'
          case 'mom':
            return change(r.mom.change)
          case 'peerAverage':
            return tableValue(r.peerAverage, unit, precision)
          default:
            return r.rank === null ? '—' : `${r.rank}/${r.peers}`
        }
      }),
      ...compare.map((u) => tableValue(figureOf(binding, definition.id, u)?.value ?? null, unit, precision)),
    ]
    const warn = r !== undefined && covered && worsening(definition, r.yoy.change)
    return [warn ? { cells, emphasis: 'warn' as const } : { cells }]
  })
  return {
    header,
    align: header.map((_, i) => (i === 0 ? 'left' : 'center')),
    widths: header.map((_, i) => (i === 0 ? 3 : 1.6)),
    rows,
  }
}

export function unitTable(data: ReportData, binding: Binding, block: BlockOf<'unitTable'>): TableContent {
  const definitions = block.indicators
    .map((ref) => definitionOf(data, ref))
    .filter((d): d is IndicatorSummary => d !== undefined)
  const sortBy = block.sortBy ? definitionOf(data, block.sortBy) : undefined
  let units = unitsOf(data, binding.unit, block.units)
  if (sortBy) {
    const value = (u: ReportUnit) => figureOf(binding, sortBy.id, u)?.value ?? null
    const down = sortBy.effectiveDirection === 'down'
    units = [...units].sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1
      return down ? va - vb : vb - va
    })
  }
  const cell = (u: ReportUnit, d: IndicatorSummary) => {
    const v = figureOf(binding, d.id, u)?.value ?? null
    return v === null ? '—' : formatFixed(v, d.precision)
  }
  const rankOf = (u: ReportUnit) => {
    const r = sortBy && figureOf(binding, sortBy.id, u)
    return r && r.rank !== null ? String(r.rank) : '—'
  }
  const header = ['单位', ...definitions.map(unitLabel), ...(sortBy ? ['名次'] : [])]
  const rows: TableRow[] = units.map((u) => ({
    cells: [u.short, ...definitions.map((d) => cell(u, d)), ...(sortBy ? [rankOf(u)] : [])],
  }))
  const listsChildren = units.length > 0 && units.every((u) => u.parent === binding.unit.code)
  if (block.total && listsChildren)
    rows.push({
      cells: [
        ownScope(binding.unit),
        ...definitions.map((d) => cell(binding.unit, d)),
        ...(sortBy ? ['—'] : []),
      ],
      emphasis: 'total',
    })
  return {
    header,
    align: header.map((_, i) => (i === 0 ? 'left' : 'center')),
    widths: header.map((_, i) => (i === 0 ? 2.2 : 1.5)),
    rows,
  }
}

const outstanding = (c: FlagCounts) => c.open + c.confirmed
function rectifiedRate(c: FlagCounts): string {
  const base = c.total - c.falsePositive
  return base > 0 ? `${formatFixed((c.rectified / base) * 100, 1)}%` : '—'
}
const sum = (rows: FlagCounts[]): FlagCounts =>
  rows.reduce(
    (t, c) => ({
      open: t.open + c.open,
      confirmed: t.confirmed + c.confirmed,
      rectified: t.rectified + c.rectified,
      falsePositive: t.falsePositive + c.falsePositive,
      total: t.total + c.total,
    }),
    { open: 0, confirmed: 0, rectified: 0, falsePositive: 0, total: 0 },
  )

/** How a flag row's unit is named: a subordinate by its short name, the report unit as 本院. */
export function flagUnitName(data: ReportData, code: string | null): string {
  if (code === null || code === '') return '（未识别单位）'
  const unit = data.units.get(code)
  if (!unit) return code
  return code === data.unit.code ? `${unit.short}（本院）` : unit.short
}

export function flagTable(data: ReportData, block: BlockOf<'flagTable'>): TableContent {
  const flags = data.flags
  const numbers = (c: FlagCounts) => [
    c.total,
    c.open,
    c.confirmed,
    c.rectified,
    c.falsePositive,
    outstanding(c),
  ]
  if (block.by === 'unit') {
    const header = ['单位', '命中', '待核查', '已确认', '已整改', '误报', '未整改', '整改率']
    const list = [...(flags?.byUnit ?? [])].sort(
      (a, b) => outstanding(b) - outstanding(a) || b.total - a.total,
    )
    const rows: TableRow[] = list.slice(0, block.limit).map((u) => ({
      cells: [flagUnitName(data, u.unit), ...numbers(u).map(String), rectifiedRate(u)],
      emphasis:
        outstanding(u) > 0 && outstanding(u) === Math.max(...list.map(outstanding)) ? 'warn' : undefined,
    }))
    const total = flags?.totals ?? sum([])
    rows.push({ cells: ['合计', ...numbers(total).map(String), rectifiedRate(total)], emphasis: 'total' })
    return {
      header,
      align: header.map((_, i) => (i === 0 ? 'left' : 'center')),
      widths: [2.4, 1, 1, 1, 1, 1, 1, 1.2],
      rows,
    }
  }
  if (block.by === 'prosecutor') {
    const header = ['承办检察官', '所属单位', '命中', '已整改', '误报', '未整改', '整改率']
    const rows: TableRow[] = (flags?.byProsecutor ?? []).slice(0, block.limit).map((p) => ({
      cells: [
        p.prosecutor || '（未填写）',
        p.unit ? (data.units.get(p.unit)?.short ?? p.unit) : '—',
        String(p.total),
        String(p.rectified),
        String(p.falsePositive),
        String(outstanding(p)),
        rectifiedRate(p),
      ],
    }))
    return {
      header,
      align: header.map((_, i) => (i < 2 ? 'left' : 'center')),
      widths: [1.6, 2, 1, 1, 1, 1, 1.2],
      rows,
    }
  }
  const header = ['规则', '名称', '级别', '命中', '已整改', '未整改']
  const rows: TableRow[] = (flags?.byRule ?? []).slice(0, block.limit).map((r) => ({
    cells: [
      r.rule,
      r.name,
      SEVERITY_NAMES[r.severity],
      String(r.total),
      String(r.rectified),
      String(outstanding(r)),
    ],
  }))
  return {
    header,
    align: header.map((_, i) => (i < 2 ? 'left' : 'center')),
    widths: [1, 4.2, 1.2, 1, 1, 1],
    rows,
  }
}
