/**
 * Everything a report is written from, gathered from the workspace once (gather.ts) and then turned
 * into the report model by pure functions (compose/). Keeping the two apart lets the composition be
 * tested on hand-made figures and keeps every SQL query in one place.
 */
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import type { IndicatorResult, IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import type { FlagCounts } from '../../../shared/ipc/quality-contract.ts'
import type { Period } from '../../../shared/indicators/period.ts'
import type { Provenance } from '../../../shared/reports/report-model.ts'
import type { Severity } from '../../../shared/quality/rule.ts'

export interface ReportUnit extends UnitSummary {
  /** How reports name it in tables and charts: 玄武区院, 南京市院, 省院. */
  short: string
}

/** Figures of one period: indicator id → unit code → result. */
export type FigureTable = Map<string, Map<string, IndicatorResult>>

export interface ReportFlags {
  scope: 'period' | 'all'
  totals: FlagCounts
  /** By the report unit's subordinates (基层院 flags rolled up to their 市院 in a province report); '' = unknown unit. */
  byUnit: ({ unit: string } & FlagCounts)[]
  byProsecutor: ({ prosecutor: string; unit: string | null } & FlagCounts)[]
  byRule: ({ rule: string; name: string; severity: Severity } & FlagCounts)[]
  /** Distinct records with a flag in scope. */
  records: number
}

/** A problem worth a line in 五、存在问题 (from the figures, or from another source such as anomalies). */
export interface ReportProblem {
  /** Deduplication key: kind + indicator + unit. */
  key: string
  kind: 'change' | 'deviation' | 'blank' | 'anomaly' | 'quality'
  /** high: a worsening of a directed indicator or a warning; medium: a large move; low: a blank. */
  severity: 'high' | 'medium' | 'low'
  unit: string
  indicator: string | null
  /** The sentence, complete with figures. */
  text: string
  /**
   * What to do about it (六、下一步工作建议), when the source knows. Suggestions of one `group` are
   * written once, `{对象}` in `text` naming all their subjects (六合区院、秦淮区院), or `fallback` when
   * none is named (the report's own unit).
   */
  suggestion: { group: string; subject: string; text: string; fallback: string } | null
  /** Ordering within a severity: larger first. */
  weight: number
}

export interface ReportData {
  /** 'YYYY-MM-DD' */
  today: string
  period: Period
  lastYear: Period
  yearToDate: Period | null
  excludeFlagged: boolean
  unit: ReportUnit
  parent: ReportUnit | null
  children: ReportUnit[]
  /** Units under the same 上级院, the unit included. */
  peers: ReportUnit[]
  compare: ReportUnit[]
  units: Map<string, ReportUnit>
  definitions: Map<string, IndicatorSummary>
  /** Template reference (id or name) → indicator id. */
  refs: Map<string, string>
  figures: FigureTable
  yearToDateFigures: FigureTable | null
  /** indicator → unit → values of the same window two and three years back (null when not covered). */
  history: Map<string, Map<string, [number | null, number | null]>>
  /** First and last month with data, 'YYYY-MM'. */
  coverage: { first: string; last: string } | null
  monthly: { months: string[]; values: Map<string, Map<string, (number | null)[]>> } | null
  flags: ReportFlags | null
  provenance: Provenance
  /** Problems found for each `problems` block, by block id. */
  problems: Map<string, ReportProblem[]>
}
