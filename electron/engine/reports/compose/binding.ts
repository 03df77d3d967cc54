/**
 * What a block is bound to while it is written: a unit (the report's, a subordinate inside a repeated
 * section, or a 上级院) and a period's figures. Lookups of units and figures relative to it.
 */
import type { IndicatorResult, IndicatorSummary } from '../../../../shared/ipc/indicator-contract.ts'
import { windowLength, yoyWindow, type Period } from '../../../../shared/indicators/period.ts'
import type { UnitSet } from '../../../../shared/reports/template.ts'
import { levelNoun, peerScope } from '../../../../shared/reports/units.ts'
import type { FigureTable, ReportData, ReportUnit } from '../report-data.ts'

export interface Binding {
  unit: ReportUnit
  figures: FigureTable
  period: Period
  lastYear: Period
  /** The report period (history and coverage checks apply to it only). */
  isReportPeriod: boolean
}

export function reportBinding(data: ReportData, unit: ReportUnit = data.unit): Binding {
  return { unit, figures: data.figures, period: data.period, lastYear: data.lastYear, isReportPeriod: true }
}

export function parentOf(data: ReportData, unit: ReportUnit): ReportUnit | null {
  return unit.parent === null ? null : (data.units.get(unit.parent) ?? null)
}

/** Subordinates known to the report: the report unit's; other units have none here. */
export function childrenOf(data: ReportData, unit: ReportUnit): ReportUnit[] {
  return unit.code === data.unit.code ? data.children : []
}

/** Units under the same 上级院 whose figures were computed. */
export function peersOf(data: ReportData, unit: ReportUnit): ReportUnit[] {
  if (unit.code === data.unit.code) return data.peers
  if (data.children.some((c) => c.code === unit.code)) return data.children
  return [unit]
}

/** The units a table or chart lists for `unit`. */
export function unitsOf(data: ReportData, unit: ReportUnit, set: UnitSet): ReportUnit[] {
  switch (set) {
    case 'children':
      return childrenOf(data, unit)
    case 'peers':
      return peersOf(data, unit)
    case 'compare':
      return [unit, ...data.compare.filter((c) => c.code !== unit.code)]
    default: {
      const children = childrenOf(data, unit)
      return children.length > 0 ? children : peersOf(data, unit)
    }
  }
}

/** 全市 / 全省 for a unit's peers. */
export function scopeOf(data: ReportData, unit: ReportUnit): string | null {
  return peerScope(parentOf(data, unit))
}

/** 全市 / 全省 for a unit's subordinates (how its own total row is named). */
export function ownScope(unit: ReportUnit): string {
  return unit.level === 'city' ? '全市' : unit.level === 'province' ? '全省' : unit.short
}

export function childNoun(data: ReportData, unit: ReportUnit): string | null {
  const children = childrenOf(data, unit)
  return children.length > 0 ? levelNoun(children[0].level) : null
}

export function definitionOf(data: ReportData, ref: string): IndicatorSummary | undefined {
  const id = data.refs.get(ref) ?? ref
  return data.definitions.get(id)
}

export function figureOf(binding: Binding, id: string, unit = binding.unit): IndicatorResult | undefined {
  const r = binding.figures.get(id)?.get(unit.code)
  return r && !r.unavailable ? r : undefined
}

/** The window is shorter than a year, so earlier years are compared 同期. */
export const isPartYear = (period: Period) => windowLength(period) < 12

/** The same window a year earlier is inside the data (a count there is a real 0, not missing data). */
export function lastYearCovered(data: ReportData, period: Period): boolean {
  if (!data.coverage) return false
  const w = yoyWindow(period)
  const [fy, fm] = data.coverage.first.split('-').map(Number)
  return w.from >= fy * 12 + fm - 1
}

export const chineseDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
export const chineseMonth = (key: string) => `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`
