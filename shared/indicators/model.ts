/**
 * The indicator model (案件质量评价指标): a named, tagged definition with one or more 口径 (formula
 * versions, each effective over a date range). A 口径 names its measures — counts of persons (人) or
 * distinct cases (件), sums, averages or medians of a field or of the days between two date fields,
 * each over a dataset kind with a filter in the expression language — and combines them with a
 * formula such as `不捕人数 / (批捕人数 + 不捕人数)`. A measure may also read another indicator, so
 * weighted sums and ratios of indicators are formulas too. Definitions are plain JSON (or YAML): the
 * library in resources/indicators, user definitions in the workspace.
 */
import { z } from 'zod'

export const DIRECTIONS = ['up', 'down', 'range'] as const
export type Direction = (typeof DIRECTIONS)[number]
export const DIRECTION_NAMES: Readonly<Record<Direction, string>> = {
  up: '正向',
  down: '反向',
  range: '区间',
}

export const DISPLAY_UNITS = ['%', '‰', '件', '人', '天', '比值'] as const
export type DisplayUnit = (typeof DISPLAY_UNITS)[number]

/** Rates change in 百分点 (‰: 千分点); counts, days and ratios in %. */
export const isRateUnit = (unit: DisplayUnit) => unit === '%' || unit === '‰'
/** What a ratio is multiplied by for display: 0.3423 → 34.23 (%). */
export const unitScale = (unit: DisplayUnit) => (unit === '%' ? 100 : unit === '‰' ? 1000 : 1)

const name = z
  .string()
  .trim()
  .min(1, '名称不能为空')
  .max(60, '名称最长 60 个字')
  // Measure names appear in formulas as bare names: letters (CJK included), digits and _ only.
  .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, '名称只能由汉字、字母、数字和下划线组成，且不以数字开头')
const fieldName = z.string().trim().min(1).max(200)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2024-01-01')
const expression = z.string().trim().max(4000)

/** Which records a measure reads: a recognised export kind, or a generic dataset by id. */
export const datasetRef = z.union([z.enum(['010101', '020101']), z.number().int().positive()])
export type DatasetRef = z.infer<typeof datasetRef>

/**
 * - `persons`: records (人) passing the filter;
 * - `cases`: distinct 部门受案号 (件) among them — a case falls in the period of its earliest matching record;
 * - `sum` / `avg` / `median`: of `value`, an expression (a field, or 天数差(受理日期, 审结日期));
 * - `days`: `stat` of the days from date field `from` to `to` (sugar for 天数差(from, to)).
 */
export const MEASURE_KINDS = ['persons', 'cases', 'sum', 'avg', 'median', 'days'] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]

export const recordMeasureSchema = z.object({
  dataset: datasetRef,
  of: z.enum(MEASURE_KINDS),
  /** The date field that puts a record into a month (审结日期, 受理日期 …). */
  date: fieldName,
  filter: expression.optional(),
  value: expression.optional(),
  from: fieldName.optional(),
  to: fieldName.optional(),
  stat: z.enum(['sum', 'avg', 'median']).optional(),
  description: z.string().max(500).optional(),
})
export type RecordMeasure = z.infer<typeof recordMeasureSchema>

/** Another indicator's value, numerator or denominator for the same unit and window. */
export const indicatorMeasureSchema = z.object({
  indicator: z.string().min(1).max(80),
  part: z.enum(['value', 'numerator', 'denominator']).default('value'),
  description: z.string().max(500).optional(),
})
export type IndicatorMeasure = z.infer<typeof indicatorMeasureSchema>

export const measureSchema = z.union([recordMeasureSchema, indicatorMeasureSchema])
export type Measure = z.infer<typeof measureSchema>
export const isIndicatorMeasure = (m: Measure): m is IndicatorMeasure => 'indicator' in m

export const caliberSchema = z.object({
  id: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(60),
  /** Effective from/to (inclusive); open ends when absent. A window uses the 口径 in force at its end. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  note: z.string().max(1000).optional(),
  measures: z.record(name, measureSchema),
  /** Over measure names. A top-level `a / b` gives numerator a and denominator b. */
  formula: z.string().trim().min(1, '公式不能为空').max(2000),
})
export type Caliber = z.infer<typeof caliberSchema>

export const indicatorSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[\p{L}\p{N}_.-]+$/u, '编号只能由汉字、字母、数字、下划线、点和减号组成'),
  name: z.string().trim().min(1, '指标名称不能为空').max(60),
  description: z.string().max(2000).default(''),
  theme: z.string().trim().min(1).max(30),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  direction: z.enum(DIRECTIONS),
  unit: z.enum(DISPLAY_UNITS),
  precision: z.number().int().min(0).max(4),
  /** Indicators read together in 组合评价 (不捕率 with 捕后不诉率 …). */
  pairs: z.array(z.string().max(80)).max(10).optional(),
  calibers: z.array(caliberSchema).min(1, '至少需要一个口径').max(10),
  source: z.enum(['library', 'user']).default('user'),
})
export type IndicatorDefinition = z.infer<typeof indicatorSchema>
export type IndicatorInput = z.input<typeof indicatorSchema>

/** The 口径 in force on a date ('YYYY-MM-DD'), else the latest one starting before it, else the first. */
export function caliberOn(definition: IndicatorDefinition, date: string): Caliber {
  const inForce = definition.calibers.find(
    (c) => (c.from === undefined || c.from <= date) && (c.to === undefined || date <= c.to),
  )
  if (inForce) return inForce
  const started = definition.calibers
    .filter((c) => c.from === undefined || c.from <= date)
    .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
  return started[0] ?? definition.calibers[0]
}
