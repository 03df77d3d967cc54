/**
 * indicator/compute, indicator/series: figures for indicators × units × a period, each with 同比
 * (the same window a year earlier) and 环比 (the window of equal length just before), rank and
 * deviation among peer units, and optionally the same figure without flagged records.
 */
import type {
  Comparison,
  ComputeArgs,
  ComputeResult,
  IndicatorResult,
  IndicatorSummary,
  MonthlyResult,
  MonthlyRow,
  SeriesPoint,
} from '../../../shared/ipc/indicator-contract.ts'
import { changeBetween, changeUnitOf, formatIndicatorValue } from '../../../shared/indicators/format.ts'
import type { IndicatorDefinition } from '../../../shared/indicators/model.ts'
import {
  monthIndexOfDate,
  monthKey,
  momWindow,
  parsePeriod,
  periodOfWindow,
  yoyWindow,
  type Period,
  type Window,
} from '../../../shared/indicators/period.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { Evaluator, type Figure } from './evaluator.ts'
import { listIndicators } from './library.ts'

export type ComputeOptions = Required<Pick<ComputeArgs, 'own' | 'excludeFlagged' | 'withClean'>> &
  Omit<ComputeArgs, 'own' | 'excludeFlagged' | 'withClean'>

export function periodOrThrow(text: string): Period {
  const parsed = parsePeriod(text)
  if (!parsed.ok) throw new EngineError('BAD_ARGUMENT', parsed.message)
  return parsed.period
}

/** Indicators named by id or name (unknown ones are an error naming them), or all. */
export function selectIndicators(
  all: IndicatorSummary[],
  names: readonly string[] | undefined,
): IndicatorSummary[] {
  if (!names || names.length === 0) return all
  const picked: IndicatorSummary[] = []
  for (const name of names) {
    const found = all.find((d) => d.id === name) ?? all.find((d) => d.name === name)
    if (!found) throw new EngineError('NOT_FOUND', `没有名为“${name}”的指标。`)
    if (!picked.includes(found)) picked.push(found)
  }
  return picked
}

export function computeIndicators(db: Db, args: ComputeOptions, today: string): ComputeResult {
  return computeWith(db, listIndicators(db), args, today)
}

/** computeIndicators over a given set of definitions (the builder's preview adds an unsaved one). */
export function computeWith(
  db: Db,
  all: IndicatorSummary[],
  args: ComputeOptions,
  today: string,
): ComputeResult {
  const started = performance.now()
  const period = periodOrThrow(args.period)
  const selected = selectIndicators(all, args.indicators)
  const windows = [period, yoyWindow(period), momWindow(period)]
  const evaluator = new Evaluator(db, all, {
    variant: args.excludeFlagged ? 'clean' : 'all',
    today,
    caliber: args.caliber,
  })
  evaluator.prepare(selected, windows)
  const clean =
    args.withClean && !args.excludeFlagged
      ? new Evaluator(db, all, { variant: 'clean', today, caliber: args.caliber })
      : null
  clean?.prepare(selected, [period])
  const hierarchy = evaluator.hierarchy
  const unitCodes = args.units ?? hierarchy.units.map((u) => u.code)
  for (const code of unitCodes)
    if (!hierarchy.get(code)) throw new EngineError('NOT_FOUND', `单位“${code}”不在单位列表中。`)
  const coverage = evaluator.coverage()
  const results: IndicatorResult[] = []
  for (const definition of selected) {
    // Peers are ranked together, so compute every peer of every requested unit once.
    const figures = new Map<string, Figure>()
    const figureOf = (code: string) => {
      let figure = figures.get(code)
      if (!figure) figures.set(code, (figure = evaluator.figure(definition, code, period, args.own)))
      return figure
    }
    for (const code of unitCodes) {
      const unit = hierarchy.get(code)!
      const figure = figureOf(code)
      const peers = hierarchy.peers(code)
      const peerValues = peers.map((p) => figureOf(p).value)
      const ranking = rankOf(figure.value, peerValues, definition)
      const yoy = compare(evaluator, definition, code, yoyWindow(period), args.own, figure)
      const mom = compare(evaluator, definition, code, momWindow(period), args.own, figure)
      const result: IndicatorResult = {
        indicator: definition.id,
        name: definition.name,
        unit: code,
        unitName: unit.name,
        period: period.text,
        periodLabel: period.label,
        caliber: figure.caliber.id,
        caliberName: figure.caliber.name,
        value: figure.value,
        numerator: figure.numerator,
        denominator: figure.denominator,
        display: formatIndicatorValue(figure.value, definition.unit, definition.precision),
        yoy,
        mom,
        ...ranking,
        partial: coverage !== null && period.to > coverage.last,
      }
      if (figure.unavailable) result.unavailable = figure.unavailable
      if (clean) {
        const c = clean.figure(definition, code, period, args.own)
        result.clean = { value: c.value, numerator: c.numerator, denominator: c.denominator }
        result.qualityShift = figure.value === null || c.value === null ? null : figure.value - c.value
      }
      results.push(result)
    }
  }
  return {
    period: period.text,
    periodLabel: period.label,
    coverage: coverage && { first: monthKey(coverage.first), last: monthKey(coverage.last) },
    results,
    elapsedMs: Math.round(performance.now() - started),
  }
}

function compare(
  evaluator: Evaluator,
  definition: IndicatorDefinition,
  unit: string,
  w: Window,
  own: boolean,
  current: Figure,
): Comparison {
  const earlier = evaluator.figure(definition, unit, w, own)
  return {
    period: periodOfWindow(w).text,
    value: earlier.value,
    numerator: earlier.numerator,
    denominator: earlier.denominator,
    change: changeBetween(current.value, earlier.value, definition.unit),
    changeUnit: changeUnitOf(definition.unit),
  }
}

/**
 * Competition ranking (1, 2, 2, 4) among peers with a value: highest first for 正向 and 区间
 * indicators, lowest first for 反向 ones; deviation from the peers' plain average.
 */
export function rankOf(
  value: number | null,
  peerValues: (number | null)[],
  definition: Pick<IndicatorSummary, 'effectiveDirection'> | Pick<IndicatorDefinition, 'direction'>,
): Pick<IndicatorResult, 'rank' | 'peers' | 'peerAverage' | 'deviation'> {
  const direction = 'effectiveDirection' in definition ? definition.effectiveDirection : definition.direction
  const present = peerValues.filter((v): v is number => v !== null)
  const peerAverage = present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null
  if (value === null) return { rank: null, peers: present.length, peerAverage, deviation: null }
  const better = present.filter((v) => (direction === 'down' ? v < value : v > value)).length
  return {
    rank: better + 1,
    peers: present.length,
    peerAverage,
    deviation: peerAverage === null ? null : value - peerAverage,
  }
}

export function computeSeries(
  db: Db,
  args: { indicator: string; unit: string; from: string; to: string; own: boolean; excludeFlagged: boolean },
  today: string,
): { indicator: string; unit: string; points: SeriesPoint[] } {
  const all = listIndicators(db)
  const [definition] = selectIndicators(all, [args.indicator])
  const from = monthIndexOfDate(args.from)
  const to = monthIndexOfDate(args.to)
  if (to - from >= 240) throw new EngineError('BAD_ARGUMENT', '趋势最多显示 240 个月。')
  const evaluator = new Evaluator(db, all, { variant: args.excludeFlagged ? 'clean' : 'all', today })
  evaluator.prepare([definition], [{ from: from - 12, to }])
  if (!evaluator.hierarchy.get(args.unit))
    throw new EngineError('NOT_FOUND', `单位“${args.unit}”不在单位列表中。`)
  // Months from a year before `from`: each month's last-year value is a lookup in the same figures.
  const figures = evaluator.monthly(definition, args.unit, from - 12, to, args.own)
  const points: SeriesPoint[] = []
  for (let k = 12; k < figures.value.length; k++) {
    points.push({
      month: monthKey(from - 12 + k),
      value: figures.value[k],
      numerator: figures.numerator[k],
      denominator: figures.denominator[k],
      lastYear: figures.value[k - 12],
    })
  }
  return { indicator: definition.id, unit: args.unit, points }
}

/**
 * indicator/monthly: single-month figures of many indicators × units over a range, with 同比 and 环比
 * changes — the dashboard's bulk path (one evaluator, months from a year before `from` computed once
 * so every 同比 is a lookup).
 */
export function computeMonthly(
  db: Db,
  args: {
    from: string
    to: string
    indicators?: string[]
    units?: string[]
    own: boolean
    excludeFlagged: boolean
  },
  today: string,
): MonthlyResult {
  const started = performance.now()
  const all = listIndicators(db)
  const selected = selectIndicators(all, args.indicators)
  const from = monthIndexOfDate(args.from)
  const to = monthIndexOfDate(args.to)
  if (to - from >= 120) throw new EngineError('BAD_ARGUMENT', '一次最多计算 120 个月。')
  const start = from - 12
  const evaluator = new Evaluator(db, all, { variant: args.excludeFlagged ? 'clean' : 'all', today })
  evaluator.prepare(selected, [{ from: start, to }])
  const hierarchy = evaluator.hierarchy
  const unitCodes = args.units ?? hierarchy.units.map((u) => u.code)
  for (const code of unitCodes)
    if (!hierarchy.get(code)) throw new EngineError('NOT_FOUND', `单位“${code}”不在单位列表中。`)
  const months: string[] = []
  for (let m = from; m <= to; m++) months.push(monthKey(m))
  const rows: MonthlyRow[] = []
  for (const definition of selected) {
    for (const unit of unitCodes) {
      const figures = evaluator.monthly(definition, unit, start, to, args.own)
      const offset = from - start
      const pick = (list: (number | null)[]) => list.slice(offset)
      const value = pick(figures.value)
      const row: MonthlyRow = {
        indicator: definition.id,
        unit,
        value,
        numerator: pick(figures.numerator),
        denominator: pick(figures.denominator),
        yoy: value.map((v, i) => changeBetween(v, figures.value[i + offset - 12], definition.unit)),
        mom: value.map((v, i) => changeBetween(v, figures.value[i + offset - 1], definition.unit)),
      }
      if (figures.unavailable) row.unavailable = figures.unavailable
      rows.push(row)
    }
  }
  return { months, rows, elapsedMs: Math.round(performance.now() - started) }
}

/**
 * Builds, on scan threads, the aggregates a computation will read (all library and user indicators,
 * or the named ones, for the windows given), so the synchronous computation that follows finds them
 * current and the engine stays responsive while a large workspace aggregates.
 */
export async function warmIndicators(
  db: Db,
  dbPath: string,
  args: { indicators?: string[]; excludeFlagged: boolean; windows: Window[]; caliber?: string },
  today: string,
): Promise<void> {
  const all = listIndicators(db)
  const selected = selectIndicators(all, args.indicators)
  const evaluator = new Evaluator(db, all, {
    variant: args.excludeFlagged ? 'clean' : 'all',
    today,
    caliber: args.caliber,
  })
  await evaluator.warm(selected, args.windows, dbPath)
}

/** The windows a period's figures read: the period, a year earlier and the window before. */
export function periodWindows(text: string): Window[] {
  const period = periodOrThrow(text)
  return [period, yoyWindow(period), momWindow(period)]
}
