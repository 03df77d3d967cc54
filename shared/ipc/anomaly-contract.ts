/**
 * Channels of the anomaly warnings (异常预警, issue 7): the warning list of a period, the root cause
 * of a change, acknowledgements, forecasts and the detector thresholds. Spread into `channels` in
 * contract.ts; result types are in AnomalyResults.
 *
 * The warning centre (UI) reads `anomaly/list` — one row per warning with its severity, a Chinese
 * sentence, the figures behind it and a 24-month sparkline — opens `anomaly/explain` for the ranked
 * contributions and the waterfall (each part with scopes for `records/page`), and writes
 * `anomaly/acknowledge`. Trend charts draw `anomaly/forecast` after the series.
 */
import { z } from 'zod'
import type { WaterfallStep } from '../anomalies/decompose.ts'
import {
  ANOMALY_KINDS,
  COMPARISONS,
  SEVERITIES,
  thresholdOverridesSchema,
  type AnomalyKind,
  type Comparison,
  type Severity,
  type Suppression,
  type ThresholdOverrides,
  type Thresholds,
} from '../anomalies/model.ts'
import type { Direction, DisplayUnit } from '../indicators/model.ts'
import type { MeasureScope } from './indicator-contract.ts'

const indicatorId = z.string().min(1).max(80)
const unitCode = z.string().min(1).max(20)
const periodText = z.string().min(4).max(40)

export const DIMENSIONS = ['unit', 'charge', 'prosecutor', 'caseType'] as const
export type Dimension = (typeof DIMENSIONS)[number]
export const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  unit: '下级院',
  charge: '案由',
  prosecutor: '承办检察官',
  caseType: '案件类别',
}

export const anomalyChannels = {
  /**
   * Warnings of one period for every indicator × unit (or those asked for), most severe first.
   * `unit`: that unit and its subordinate units. Acknowledged warnings are left out unless asked for.
   */
  'anomaly/list': z.object({
    period: periodText,
    unit: unitCode.optional(),
    indicators: z.array(indicatorId).max(500).optional(),
    kinds: z.array(z.enum(ANOMALY_KINDS)).max(4).optional(),
    minSeverity: z.enum(SEVERITIES).default('low'),
    includeAcknowledged: z.boolean().default(false),
    /** Also return the candidates the small-sample guard or the base-effect check held back. */
    includeSuppressed: z.boolean().default(false),
    /** Name the main source of each 升降 / 季节异常 (sub-unit, else 案由) in its message. */
    causes: z.boolean().default(true),
    limit: z.number().int().min(1).max(10_000).default(2000),
  }),
  /** Where a change comes from: contributions of sub-units, 案由, 承办检察官 or case types. */
  'anomaly/explain': z.object({
    indicator: indicatorId,
    unit: unitCode,
    period: periodText,
    compareTo: z.enum(COMPARISONS).default('yoy'),
    dimension: z.enum(DIMENSIONS).default('unit'),
    /** The largest contributions listed one by one; the rest are folded into 其他. */
    limit: z.number().int().min(1).max(100).default(10),
  }),
  /** Marks a warning as reviewed (or, with `undo`, not any more). Survives recomputation. */
  'anomaly/acknowledge': z.object({
    indicator: indicatorId,
    unit: unitCode,
    period: periodText,
    kind: z.enum(ANOMALY_KINDS),
    note: z.string().trim().max(2000).default(''),
    reviewer: z.string().trim().max(60).optional(),
    undo: z.boolean().default(false),
  }),
  /** Expected values of the next months with an interval (seasonal model), after the recent history. */
  'anomaly/forecast': z.object({
    indicator: indicatorId,
    unit: unitCode,
    /** Months ahead of the last month with data. */
    months: z.number().int().min(1).max(24).default(3),
    /** Months of history returned for the chart (the model reads up to four years). */
    history: z.number().int().min(1).max(120).default(24),
    method: z.enum(['seasonalMean', 'seasonalNaive']).default('seasonalMean'),
    /** Interval coverage (0.95: expected ± 1.96 σ). */
    level: z.number().min(0.5).max(0.999).default(0.95),
  }),
  /**
   * Reads the thresholds; with `set`, first saves overrides — for `indicator`, or the workspace's
   * defaults without one (`null` removes them).
   */
  'anomaly/settings': z
    .object({
      indicator: indicatorId.optional(),
      set: thresholdOverridesSchema.nullable().optional(),
    })
    .default({}),
} as const

export type AnomalyListArgs = z.input<(typeof anomalyChannels)['anomaly/list']>

export interface Acknowledgement {
  note: string
  reviewer: string | null
  /** ISO timestamp. */
  at: string
}

/** One warning: an indicator of a unit in a period, of one kind. (indicator, unit, period, kind) is its key. */
export interface AnomalyWarning {
  /** `${indicator}|${unit}|${period}|${kind}`: stable across recomputations. */
  id: string
  indicator: string
  name: string
  unit: string
  unitName: string
  unitLevel: 'province' | 'city' | 'county'
  /** Canonical period text ('2024Q3') and its label ('2024年第三季度'). */
  period: string
  periodLabel: string
  kind: AnomalyKind
  severity: Severity
  /** 高 / 中 / 低 */
  severityLabel: string
  /** Which way the figure moved (against its comparison, peers or expectation); null for 空白. */
  movement: 'up' | 'down' | null
  /** The indicator's direction in force (workspace override included). */
  direction: Direction
  displayUnit: DisplayUnit
  precision: number
  /** The Chinese explanation. */
  message: string
  /** The figure the detector judged (display units: 34.2 for 34.2%); null when blank. */
  value: number | null
  numerator: number | null
  denominator: number | null
  /** '34.2%', '1,234人', '—'. */
  display: string
  /**
   * What the value is compared with: 升降 the comparison window's value; 离群 the peers' median;
   * 季节异常 the expectation; 空白 the unit's usual sample (count or denominator).
   */
  baseline: number | null
  baselineLabel: string
  /** 升降: 同比 or 环比, and the comparison window ('2023Q3'). */
  compareTo: Comparison | null
  comparePeriod: string | null
  /**
   * The window actually judged ('2024Q3'; January and February merged: '2024-01..2024-02'). The warning
   * centre opens anomaly/explain with `period: window` and `compareTo: compareTo ?? 'yoy'`.
   */
  window: string
  /** value − baseline as the reports state it: 百分点 for rates, % otherwise. */
  change: number | null
  changeUnit: '百分点' | '千分点' | '%'
  /** How unusual: 升降 in the unit's usual fluctuations, 离群 robust z among peers, 季节异常 in σ. */
  z: number | null
  /** 季节异常: the expected interval. */
  expected: number | null
  lower: number | null
  upper: number | null
  /** 离群: peers compared with and their label ('全省基层院'). */
  peers: number | null
  peerLabel: string | null
  /** The last 24 monthly values up to the period's end (index = position in the result's `sparklineMonths`). */
  sparkline: (number | null)[]
  /** The main contribution, when causes were asked for and one part carries at least 40% of the change. */
  cause: { dimension: Dimension; label: string; total: number; share: number | null } | null
  acknowledged: Acknowledgement | null
  /** Only with includeSuppressed: why this candidate is not a warning. */
  suppressed: Suppression | null
  /** Complementary rates that moved with this one (逮捕率 of a 不捕率 warning), not listed again; absent or empty when none. */
  complements?: string[]
}

export interface AnomalyListResult {
  period: string
  periodLabel: string
  /** First and last month with data ('YYYY-MM'); null when the workspace has none. */
  coverage: { first: string; last: string } | null
  /** The period reaches past the last month with data: only the covered months were compared (with the same months earlier). */
  partial: boolean
  /** The 24 months of every warning's sparkline, oldest first. */
  sparklineMonths: string[]
  warnings: AnomalyWarning[]
  counts: {
    /** Warnings found (before the severity, kind and acknowledged filters and the limit). */
    found: number
    byKind: Record<AnomalyKind, number>
    bySeverity: Record<Severity, number>
    acknowledged: number
    /** Candidates held back: small samples, 同比 changes that come from an abnormal base, standing outliers. */
    smallSample: number
    baseEffect: number
    standing: number
  }
  /** Indicator × unit figures examined. */
  examined: number
  elapsedMs: number
}

/** The records behind one part of a decomposition, for `records/page` ({datasetId, scope}). */
export interface ContributionScope {
  part: 'numerator' | 'denominator'
  measure: string
  datasetId: number
  scope: MeasureScope
}

export interface ContributionItem {
  key: string
  label: string
  /** Shift-share effects in display units (百分点 for rates); null for counts. */
  mix: number | null
  rate: number | null
  /** The part's contribution to the change, display units. */
  total: number
  /** total / the whole change; null when the change is 0. */
  share: number | null
  before: { value: number | null; numerator: number; denominator: number | null; weight: number | null }
  after: { value: number | null; numerator: number; denominator: number | null; weight: number | null }
  /** Drill-down into the records of this part in the current period (empty for 其他). */
  scopes: ContributionScope[]
}

export interface ExplainResult {
  indicator: string
  name: string
  unit: string
  unitName: string
  period: string
  periodLabel: string
  compareTo: Comparison
  comparePeriod: string
  comparePeriodLabel: string
  dimension: Dimension
  dimensionLabel: string
  /** The field grouped by, per dataset ('审结案由'); empty for the unit dimension. */
  fields: { datasetId: number; field: string }[]
  /** shiftShare: mix and rate effects of a ratio; difference: plain contributions of a count. */
  method: 'shiftShare' | 'difference'
  displayUnit: DisplayUnit
  precision: number
  before: number | null
  after: number | null
  /** after − before in display units; contributions (with `other`) add up to it. */
  change: number | null
  changeUnit: '百分点' | '千分点' | '%'
  contributions: ContributionItem[]
  /** Everything past `limit`, folded into one. */
  other: ContributionItem | null
  waterfall: WaterfallStep[]
  elapsedMs: number
}

export interface ForecastPointResult {
  month: string
  expected: number | null
  lower: number | null
  upper: number | null
}

export interface ForecastResult {
  indicator: string
  name: string
  unit: string
  unitName: string
  displayUnit: DisplayUnit
  method: 'seasonalMean' | 'seasonalNaive' | 'mean'
  level: number
  /** σ of the model's one-step-ahead errors over the history. */
  sigma: number | null
  history: { month: string; value: number | null }[]
  points: ForecastPointResult[]
}

export interface AnomalySettingsResult {
  /** The built-in defaults. */
  builtin: Thresholds
  /** Built-in defaults with the workspace's own defaults applied. */
  defaults: Thresholds
  /** Per-indicator overrides as saved. */
  overrides: Record<string, ThresholdOverrides>
  /** With `indicator`: what applies to it. */
  indicator: string | null
  effective: Thresholds | null
}

export interface AnomalyResults {
  'anomaly/list': AnomalyListResult
  'anomaly/explain': ExplainResult
  'anomaly/acknowledge': {
    indicator: string
    unit: string
    period: string
    kind: AnomalyKind
    acknowledged: Acknowledgement | null
  }
  'anomaly/forecast': ForecastResult
  'anomaly/settings': AnomalySettingsResult
}
