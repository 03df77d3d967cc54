/**
 * Gathers what a report is written from: the figures of every indicator the template names for the
 * report's unit, its 上级院, subordinates, peers and compared units (with 同比, 环比, rank and peer
 * average from the indicator engine), the same window two and three years back where a superlative
 * is asked for, month-by-month series for trend charts, 1至N月 累计 figures, the data-quality flags
 * in scope, the provenance for the 附录, and the problems each `problems` block lists.
 */
import type { ParsedReportArgs, ReportProgress } from '../../../shared/ipc/report-contract.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import {
  monthIndex,
  monthIndexOfDate,
  monthKey,
  periodOfWindow,
  yearOf,
  yoyWindow,
  type Period,
  type Window,
} from '../../../shared/indicators/period.ts'
import { allBlocks, type ReportTemplate } from '../../../shared/reports/template.ts'
import { shortUnitName } from '../../../shared/reports/units.ts'
import { EngineError } from '../errors.ts'
import { computeIndicators, computeMonthly, periodOrThrow } from '../indicators/compute.ts'
import { Hierarchy, loadHierarchy } from '../indicators/hierarchy.ts'
import { listIndicators } from '../indicators/library.ts'
import type { Db } from '../store/database.ts'
import { listUnits } from '../units/unit-store.ts'
import { planReport } from './plan.ts'
import { collectProblems, type ProblemSource } from './problems.ts'
import { gatherProvenance } from './provenance.ts'
import type { FigureTable, ReportData, ReportUnit } from './report-data.ts'
import { reportFlags } from './report-flags.ts'
import { findIndicator } from './template-check.ts'

export interface GatherOptions {
  /** 'YYYY-MM-DD': periods past it are partial. */
  today: string
  problemSources: readonly ProblemSource[]
  onProgress?: (progress: ReportProgress) => void
}

type ReportScope = Pick<ParsedReportArgs, 'period' | 'unit' | 'compareUnits' | 'excludeFlagged'>

function table(results: readonly IndicatorResult[]): FigureTable {
  const figures: FigureTable = new Map()
  for (const r of results) {
    let byUnit = figures.get(r.indicator)
    if (!byUnit) figures.set(r.indicator, (byUnit = new Map()))
    byUnit.set(r.unit, r)
  }
  return figures
}

/** The workspace's hierarchy; without a unit list, a flat one over the units found in the figures. */
function reportHierarchy(db: Db, period: Period, ids: string[], today: string): Hierarchy {
  const units = listUnits(db)
  if (units.length > 0) return new Hierarchy(units)
  const probe = computeIndicators(
    db,
    { period: period.text, indicators: ids.slice(0, 1), own: false, excludeFlagged: false, withClean: false },
    today,
  )
  return loadHierarchy(db, () => probe.results.map((r) => r.unit))
}

const monthLabel = (key: string) => `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`

export function gatherReportData(
  db: Db,
  template: ReportTemplate,
  args: ReportScope,
  options: GatherOptions,
): ReportData {
  const { today } = options
  const period = periodOrThrow(args.period)
  const plan = planReport(template)
  const all = listIndicators(db)
  const refs = new Map<string, string>()
  const definitions = new Map<string, IndicatorSummary>()
  for (const ref of plan.indicators) {
    const definition = findIndicator(all, ref)
    if (!definition)
      throw new EngineError('NOT_FOUND', `模板“${template.name}”引用的指标“${ref}”不存在，请修改模板。`)
    refs.set(ref, definition.id)
    definitions.set(definition.id, definition)
  }
  const ids = [...definitions.keys()]
  const steps = 2 + (plan.history.length > 0 ? 1 : 0) + (plan.yearToDate ? 1 : 0) + (plan.trend ? 1 : 0)
  let step = 0
  const progress = () => options.onProgress?.({ phase: 'computing', done: ++step, total: steps + 1 })
  options.onProgress?.({ phase: 'computing', done: 0, total: steps + 1 })

  const hierarchy = reportHierarchy(db, period, ids, today)
  const code = args.unit ?? hierarchy.root
  const summaryOf = (c: string): UnitSummary => {
    const unit = hierarchy.get(c)
    if (!unit) throw new EngineError('NOT_FOUND', `单位“${c}”不在单位列表中。`)
    return unit
  }
  const unitsByCode = new Map<string, ReportUnit>()
  const reportUnit = (c: string): ReportUnit => {
    let unit = unitsByCode.get(c)
    if (!unit) {
      const summary = summaryOf(c)
      const parent = summary.parent === null ? null : (hierarchy.get(summary.parent) ?? null)
      unit = { ...summary, short: shortUnitName(summary, parent) }
      unitsByCode.set(c, unit)
    }
    return unit
  }
  const unit = reportUnit(code)
  const parent = unit.parent === null ? null : reportUnit(unit.parent)
  const children = hierarchy.units.filter((u) => u.parent === code).map((u) => reportUnit(u.code))
  const peers = hierarchy.peers(code).map(reportUnit)
  const compare = args.compareUnits.filter((c) => c !== code).map(reportUnit)
  const computeUnits = [
    ...new Set([unit, ...(parent ? [parent] : []), ...children, ...peers, ...compare].map((u) => u.code)),
  ]
  const scopeOptions = { own: false, excludeFlagged: args.excludeFlagged, withClean: false }
  const current = computeIndicators(
    db,
    { period: period.text, indicators: ids, units: computeUnits, ...scopeOptions },
    today,
  )
  progress()
  const coverage = current.coverage
  if (coverage === null)
    throw new EngineError(
      'NOT_FOUND',
      '工作区还没有可用于计算指标的数据，请先导入审查逮捕或一审公诉案件数据。',
    )
  const first = monthIndexOfDate(coverage.first)
  const last = monthIndexOfDate(coverage.last)
  if (period.from > last || period.to < first)
    throw new EngineError(
      'BAD_ARGUMENT',
      `期间“${period.label}”没有数据（数据覆盖${monthLabel(coverage.first)}至${monthLabel(coverage.last)}）。`,
    )

  const covered = (w: Window) => w.from >= first && w.to <= last
  const history = new Map<string, Map<string, [number | null, number | null]>>()
  const historyIds = [...new Set(plan.history.map((ref) => refs.get(ref)!))]
  if (historyIds.length > 0) {
    const w2: Window = { from: period.from - 24, to: period.to - 24 }
    const older = computeIndicators(
      db,
      {
        period: periodOfWindow(w2).text,
        indicators: historyIds,
        units: [unit.code, ...children.map((c) => c.code)],
        ...scopeOptions,
      },
      today,
    )
    for (const r of older.results) {
      let byUnit = history.get(r.indicator)
      if (!byUnit) history.set(r.indicator, (byUnit = new Map()))
      byUnit.set(r.unit, [covered(w2) ? r.value : null, covered(yoyWindow(w2)) ? r.yoy.value : null])
    }
    progress()
  }

  let yearToDate: Period | null = null
  let yearToDateFigures: FigureTable | null = null
  if (plan.yearToDate) {
    yearToDate = periodOfWindow({ from: monthIndex(yearOf(period.to), 1), to: period.to })
    const ytd = computeIndicators(
      db,
      {
        period: yearToDate.text,
        indicators: ids,
        units: [...new Set([unit.code, ...(parent ? [parent.code] : []), ...children.map((c) => c.code)])],
        ...scopeOptions,
      },
      today,
    )
    yearToDateFigures = table(ytd.results)
    progress()
  }

  let monthly: ReportData['monthly'] = null
  if (plan.trend) {
    const to = period.to
    const from = to - plan.trend.months + 1
    const trendIds = [...new Set(plan.trend.indicators.map((ref) => refs.get(ref)!))]
    const result = computeMonthly(
      db,
      {
        from: monthKey(from),
        to: monthKey(to),
        indicators: trendIds,
        units: [unit.code, ...(plan.trend.inRepeat ? children.map((c) => c.code) : [])],
        own: false,
        excludeFlagged: args.excludeFlagged,
      },
      today,
    )
    const values = new Map<string, Map<string, (number | null)[]>>()
    for (const row of result.rows) {
      let byUnit = values.get(row.indicator)
      if (!byUnit) values.set(row.indicator, (byUnit = new Map()))
      // Months outside the data are gaps, not zeros.
      byUnit.set(
        row.unit,
        row.value.map((v, i) => (from + i < first || from + i > last || row.unavailable ? null : v)),
      )
    }
    monthly = { months: result.months, values }
    progress()
  }

  const flags = reportFlags(
    db,
    hierarchy,
    unit.code,
    hierarchy.dataUnits(unit.code, false),
    template.flagScope === 'period' ? period : null,
  )
  const figures = table(current.results)
  const calibers = new Map(
    [...figures].flatMap(([id, byUnit]) => {
      const r = byUnit.get(unit.code)
      return r ? [[id, r.caliber] as const] : []
    }),
  )
  const provenance = gatherProvenance(db, [...definitions.values()], calibers, period, args.excludeFlagged)
  progress()

  const data: Omit<ReportData, 'problems'> = {
    today,
    period,
    lastYear: periodOfWindow(yoyWindow(period)),
    yearToDate,
    excludeFlagged: args.excludeFlagged,
    unit,
    parent,
    children,
    peers,
    compare,
    units: unitsByCode,
    definitions,
    refs,
    figures,
    yearToDateFigures,
    history,
    coverage,
    monthly,
    flags,
    provenance,
  }
  const problems = new Map<string, ReturnType<typeof collectProblems>>()
  for (const block of allBlocks(template)) {
    if (block.type !== 'problems') continue
    const indicators = block.indicators ? block.indicators.map((ref) => refs.get(ref)!) : ids
    problems.set(
      block.id,
      collectProblems(options.problemSources, {
        data,
        indicators,
        scope: block.scope,
        thresholds: block.thresholds,
      }),
    )
  }
  progress()
  return { ...data, problems }
}
