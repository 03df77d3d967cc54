/**
 * What the analyst chose on the 分析报告 page (template, period, unit, compared units, 剔除存疑数据) as
 * pure state: the default period for a template's periodHint and the data's coverage, the arguments
 * of report/build and report/export, and the selection kept in sessionStorage so a reload reopens the
 * same report.
 */
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'
import type { ReportArgs, ReportTemplateSummary } from '../../../../shared/ipc/report-contract.ts'
import {
  monthIndex,
  monthIndexOfDate,
  monthKey,
  monthOf,
  periodOfWindow,
  yearOf,
} from '../../../../shared/indicators/period.ts'
import { defaultPeriod } from '../indicators/periodPicker.ts'

export type PeriodHint = ReportTemplateSummary['periodHint']

export interface ReportSelection {
  template: string
  /** null: the default for the template and the data (not chosen by the analyst). */
  period: string | null
  /** '' : the top of the hierarchy (the 省院). */
  unit: string
  compareUnits: string[]
  excludeFlagged: boolean
}

export const MAX_COMPARE_UNITS = 10

export const INITIAL_SELECTION: ReportSelection = {
  template: 'quarterly',
  period: null,
  unit: '',
  compareUnits: [],
  excludeFlagged: false,
}

type Coverage = { first: string; last: string } | null

/**
 * The period a template opens on: the latest complete quarter, half, year or month the data covers
 * (as its periodHint asks; a month still running today is not complete). When the data holds no
 * complete one, a year falls back to 1月至最后一个月 of the latest year, the others to the quarter
 * rule of the dashboard (indicators/periodPicker.ts).
 */
export function defaultReportPeriod(hint: PeriodHint, coverage: Coverage, today: Date): string {
  if (coverage === null || hint === 'quarter' || hint === 'any') return defaultPeriod(coverage, today)
  const first = monthIndexOfDate(coverage.first)
  const now = monthIndex(today.getFullYear(), today.getMonth() + 1)
  const last = Math.min(monthIndexOfDate(coverage.last), now - 1)
  if (last < first) return defaultPeriod(coverage, today)
  if (hint === 'month') return monthKey(last)
  const length = hint === 'half' ? 6 : 12
  const end = last - (monthOf(last) % length)
  if (end - length + 1 >= first) return periodOfWindow({ from: end - length + 1, to: end }).text
  if (hint === 'year') {
    const from = Math.max(first, monthIndex(yearOf(last), 1))
    return periodOfWindow({ from, to: last }).text
  }
  return defaultPeriod(coverage, today)
}

/** The 省院 (top of the hierarchy), else the first unit; '' when there are none. */
export function topUnit(units: readonly UnitSummary[]): string {
  return (units.find((unit) => unit.parent === null) ?? units[0])?.code ?? ''
}

/** Units with the same 上级院 and level as `code`, without it (the quick 同级单位 choice). */
export function peerCodes(units: readonly UnitSummary[], code: string): string[] {
  const unit = units.find((u) => u.code === code)
  if (!unit) return []
  return units
    .filter((u) => u.code !== code && u.parent === unit.parent && u.level === unit.level)
    .map((u) => u.code)
}

/** Adds or removes a compared unit; never the report's own unit, never more than the contract allows. */
export function toggleCompare(current: readonly string[], code: string, unit: string): string[] {
  if (current.includes(code)) return current.filter((c) => c !== code)
  if (code === unit || current.length >= MAX_COMPARE_UNITS) return [...current]
  return [...current, code]
}

/** The build/export arguments for a resolved selection. */
export function reportArgsOf(
  selection: ReportSelection & { period: string },
  overrides: Readonly<Record<string, string>>,
): ReportArgs {
  return {
    template: selection.template,
    period: selection.period,
    ...(selection.unit ? { unit: selection.unit } : {}),
    compareUnits: selection.compareUnits.filter((code) => code !== selection.unit),
    overrides: { ...overrides },
    excludeFlagged: selection.excludeFlagged,
  }
}

const SELECTION_KEY = 'yanpan.reports.selection'

/** The selection kept for this tab, or the initial one (anything malformed is ignored). */
export function loadSelection(storage: Pick<Storage, 'getItem'> | null): ReportSelection {
  try {
    const raw = storage?.getItem(SELECTION_KEY)
    if (!raw) return INITIAL_SELECTION
    const value = JSON.parse(raw) as Partial<ReportSelection>
    return {
      template: typeof value.template === 'string' && value.template ? value.template : 'quarterly',
      period: typeof value.period === 'string' && value.period ? value.period : null,
      unit: typeof value.unit === 'string' ? value.unit : '',
      compareUnits: Array.isArray(value.compareUnits)
        ? value.compareUnits.filter((c): c is string => typeof c === 'string').slice(0, MAX_COMPARE_UNITS)
        : [],
      excludeFlagged: value.excludeFlagged === true,
    }
  } catch {
    return INITIAL_SELECTION
  }
}

export function saveSelection(storage: Pick<Storage, 'setItem'> | null, selection: ReportSelection): void {
  try {
    storage?.setItem(SELECTION_KEY, JSON.stringify(selection))
  } catch {
    // A full or disabled storage only loses the convenience.
  }
}

/** sessionStorage when the page may use it (null in tests and locked-down browsers). */
export function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}
