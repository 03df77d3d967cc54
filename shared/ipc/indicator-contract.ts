/**
 * Channels of the indicator library and dashboard (案件质量评价指标): definitions, computation,
 * monthly series and drill-down scopes. Spread into `channels` in contract.ts; result types are in
 * IndicatorResults.
 */
import { z } from 'zod'
import { indicatorSchema, type Direction, type IndicatorDefinition } from '../indicators/model.ts'

const indicatorId = z.string().min(1).max(80)
const unitCode = z.string().min(1).max(20)
const periodText = z.string().min(4).max(40)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** Which figures: the unit alone (`own`) or with its subordinate units (default), all records or clean ones. */
const scopeOptions = {
  /** The unit's own cases only, without its subordinate units. */
  own: z.boolean().default(false),
  /** Leave out records with unresolved 错误-level flags (open or confirmed). */
  excludeFlagged: z.boolean().default(false),
}

export const computeArgs = z.object({
  period: periodText,
  /** Default: every indicator of the library and the workspace. */
  indicators: z.array(indicatorId).max(500).optional(),
  /** Default: every unit of the hierarchy. */
  units: z.array(unitCode).max(1000).optional(),
  /** Pin a 口径 by id for every indicator that has it (else the one in force at the window's end). */
  caliber: z.string().max(40).optional(),
  /** Also compute each figure without flagged records and report how far bad data moves it. */
  withClean: z.boolean().default(false),
  ...scopeOptions,
})
export type ComputeArgs = z.input<typeof computeArgs>

/**
 * Only the records whose field has one of the values (a 案由, a 承办检察官 …; '' matches a blank
 * cell): the drill-down of one part of a root-cause decomposition (anomaly/explain).
 */
export const scopeMatch = z.object({
  /** A field name of the measure's dataset (审结案由, 承办检察官 …). */
  field: z.string().min(1).max(200),
  values: z.array(z.string().max(500)).min(1).max(1000),
})
export type ScopeMatch = z.infer<typeof scopeMatch>

/** The records behind one number: a measure of an indicator's 口径 for a unit and window. */
export const measureScope = z.object({
  indicator: indicatorId,
  caliber: z.string().min(1).max(40),
  measure: z.string().min(1).max(60),
  unit: unitCode,
  period: periodText,
  ...scopeOptions,
  match: scopeMatch.optional(),
})
export type MeasureScope = z.infer<typeof measureScope>

export const indicatorChannels = {
  'indicator/list': z.object({}).default({}),
  'indicator/save': z.object({ definition: z.unknown() }),
  'indicator/delete': z.object({ id: indicatorId }),
  /** Checks an unsaved definition against the workspace's datasets (the builder's live validation). */
  'indicator/validate': z.object({ definition: z.unknown() }),
  /** Computes an unsaved definition for one unit and period (the builder's live preview). */
  'indicator/preview': z.object({
    definition: z.unknown(),
    unit: unitCode,
    period: periodText,
    ...scopeOptions,
  }),
  'indicator/setDirection': z.object({
    id: indicatorId,
    direction: z.enum(['up', 'down', 'range']).nullable(),
  }),
  'indicator/import': z.object({ text: z.string().min(1).max(5_000_000) }),
  'indicator/export': z.object({
    ids: z.array(indicatorId).max(500).optional(),
    format: z.enum(['json', 'yaml']).default('json'),
  }),
  'indicator/compute': computeArgs,
  /** Month by month values of one indicator for one unit, with the same months a year earlier. */
  'indicator/series': z
    .object({ indicator: indicatorId, unit: unitCode, from: month, to: month, ...scopeOptions })
    .refine((a) => a.from <= a.to, { path: ['from'], message: '开始月份不能晚于结束月份' }),
  /**
   * Every month of a range for many indicators and units at once (the whole dashboard's trends):
   * each month's value with its 同比 and 环比 changes.
   */
  'indicator/monthly': z
    .object({
      from: month,
      to: month,
      indicators: z.array(indicatorId).max(500).optional(),
      units: z.array(unitCode).max(1000).optional(),
      ...scopeOptions,
    })
    .refine((a) => a.from <= a.to, { path: ['from'], message: '开始月份不能晚于结束月份' }),
  /** The measures behind a number's numerator or denominator, each with its dataset and record count. */
  'indicator/drill': z.object({
    indicator: indicatorId,
    caliber: z.string().max(40).optional(),
    part: z.enum(['numerator', 'denominator']),
    unit: unitCode,
    period: periodText,
    ...scopeOptions,
  }),
} as const

export interface IndicatorSummary extends IndicatorDefinition {
  /** The direction in force: the workspace's override, else the definition's. */
  effectiveDirection: Direction
  directionOverridden: boolean
}

/** A figure a year (同比) or a window (环比) earlier, and the change to it. */
export interface Comparison {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  /** Rates: value − earlier (百分点); counts, days, ratios: relative change in %. null when undefined. */
  change: number | null
  changeUnit: '百分点' | '千分点' | '%'
}

export interface IndicatorResult {
  indicator: string
  name: string
  unit: string
  unitName: string
  period: string
  periodLabel: string
  /** The 口径 used (id) and its name. */
  caliber: string
  caliberName: string
  /** In display units (34.23 for 34.23%); null when the denominator is empty. */
  value: number | null
  numerator: number | null
  denominator: number | null
  /** '34.2%', '1,234人', '—'. */
  display: string
  yoy: Comparison
  mom: Comparison
  /** Rank among peer units (same 上级院), best first by the indicator's direction; ties share a rank. */
  rank: number | null
  peers: number
  peerAverage: number | null
  /** value − peerAverage, in display units. */
  deviation: number | null
  /** withClean: the figure without records that have unresolved 错误-level flags. */
  clean?: { value: number | null; numerator: number | null; denominator: number | null }
  /** withClean: value − clean value (display units); null when either is null. */
  qualityShift?: number | null
  /** The window reaches past the last month with data. */
  partial: boolean
  /** Why it cannot be computed (no dataset of the kind, a field the export lacks …). */
  unavailable?: string
}

export interface ComputeResult {
  period: string
  periodLabel: string
  /** First and last month ('YYYY-MM') that has data in any dataset the indicators read; null when none. */
  coverage: { first: string; last: string } | null
  results: IndicatorResult[]
  /** Milliseconds the computation took, aggregates included. */
  elapsedMs: number
}

export interface SeriesPoint {
  month: string
  value: number | null
  numerator: number | null
  denominator: number | null
  /** The same month a year earlier. */
  lastYear: number | null
}

/** One indicator for one unit, month by month (index = position in `months`). */
export interface MonthlyRow {
  indicator: string
  unit: string
  value: (number | null)[]
  numerator: (number | null)[]
  denominator: (number | null)[]
  /** Change to the same month a year earlier / to the month before (百分点 for rates, % otherwise). */
  yoy: (number | null)[]
  mom: (number | null)[]
  unavailable?: string
}

export interface MonthlyResult {
  months: string[]
  rows: MonthlyRow[]
  elapsedMs: number
}

export interface DrillMeasure {
  measure: string
  description: string
  datasetId: number | null
  datasetName: string | null
  /** Records in scope (persons; for 件 measures still the persons of the counted cases). */
  records: number
  scope: MeasureScope
  unavailable?: string
}

export interface ValidationProblem {
  /** Where: 'name', 'calibers.0.formula', 'calibers.0.measures.不捕人数.filter' … */
  path: string
  message: string
  offset?: number
  length?: number
}

export interface IndicatorResults {
  'indicator/list': IndicatorSummary[]
  'indicator/save': IndicatorSummary
  'indicator/delete': { id: string }
  'indicator/validate': { problems: ValidationProblem[] }
  'indicator/preview': { problems: ValidationProblem[]; result: IndicatorResult | null }
  'indicator/setDirection': IndicatorSummary
  'indicator/import': { saved: string[] }
  'indicator/export': { text: string; fileName: string }
  'indicator/compute': ComputeResult
  'indicator/series': { indicator: string; unit: string; points: SeriesPoint[] }
  'indicator/monthly': MonthlyResult
  'indicator/drill': { part: 'numerator' | 'denominator'; measures: DrillMeasure[] }
}

export { indicatorSchema }
