/**
 * What the dashboard shows: the matrix columns (indicators the analyst ticked), the focused indicator
 * and unit (charts, detail panel), the 组合评价 pair, and the options of the computation. Kept in module
 * state so a visit to the builder and back restores the view.
 */
import type { UnitGroup } from './chartData.ts'
import { DEFAULT_MARGINS, type QualityMargins } from './indicatorText.ts'

export interface DashboardState {
  /** null: the default period (latest complete quarter of the data). */
  period: string | null
  own: boolean
  excludeFlagged: boolean
  withClean: boolean
  margins: QualityMargins
  /** null: the default columns. */
  columns: string[] | null
  indicator: string | null
  unit: string | null
  pair: string | null
  group: UnitGroup
}

export const INITIAL_STATE: DashboardState = {
  period: null,
  own: false,
  excludeFlagged: false,
  withClean: false,
  margins: DEFAULT_MARGINS,
  columns: null,
  indicator: null,
  unit: null,
  pair: null,
  group: 'peers',
}

/** How many indicators the matrix starts with. */
export const DEFAULT_COLUMN_COUNT = 6

/** The headline 案件质量评价 indicators of the library, which the matrix opens with when present. */
export const HEADLINE_INDICATORS = [
  '不捕率',
  '诉前羁押率',
  '捕后不诉率',
  '不诉率',
  '认罪认罚从宽制度适用率',
  '量刑建议采纳率',
]

/**
 * The matrix columns in force: the chosen ones that still exist; by default the headline indicators,
 * filled up with the first rates (%, ‰) and then any indicator.
 */
export function effectiveColumns(
  columns: readonly string[] | null,
  indicators: readonly { id: string; unit: string }[],
): string[] {
  const known = new Set(indicators.map((i) => i.id))
  if (columns !== null) return columns.filter((id) => known.has(id))
  const rates = indicators.filter((i) => i.unit === '%' || i.unit === '‰').map((i) => i.id)
  const ordered = [...HEADLINE_INDICATORS.filter((id) => known.has(id)), ...rates, ...known]
  return [...new Set(ordered)].slice(0, DEFAULT_COLUMN_COUNT)
}

export function toggleColumn(columns: readonly string[], id: string): string[] {
  return columns.includes(id) ? columns.filter((c) => c !== id) : [...columns, id]
}

/** Every indicator the page needs computed, each once, in order (the matrix's first). */
export function indicatorsToCompute(
  columns: readonly string[],
  extra: readonly (string | null)[],
  ids: readonly string[],
): string[] {
  const known = new Set(ids)
  return [...new Set([...columns, ...extra.filter((id): id is string => id !== null)])].filter((id) =>
    known.has(id),
  )
}
