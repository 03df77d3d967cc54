/** flags/stats tables → the rows the sidebar shows (label, what a click filters by), busiest first. */
import type { FlagCounts, QualityResults } from '../../../../shared/ipc/quality-contract.ts'

type Stats = QualityResults['flags/stats']

export interface StatsRow extends FlagCounts {
  /** React key: a prosecutor's name may repeat across units. */
  key: string
  /** What a click puts into the filter. */
  value: string
  label: string
  sub?: string | null
}

/** Most open flags first (what still needs work), then most flags, then by name for a stable order. */
function byWorkload(a: StatsRow, b: StatsRow): number {
  return b.open - a.open || b.total - a.total || a.label.localeCompare(b.label, 'zh-CN')
}

export function unitRows(stats: Stats | undefined): StatsRow[] {
  return (stats?.byUnit ?? [])
    .map(({ unit, unitName, ...counts }) => ({ ...counts, key: unit, value: unit, label: unitName ?? unit }))
    .sort(byWorkload)
}

/** A prosecutor's unit (by name when the unit table knows it) tells apart namesakes. */
export function prosecutorRows(stats: Stats | undefined): StatsRow[] {
  const unitNames = new Map((stats?.byUnit ?? []).map((u) => [u.unit, u.unitName ?? u.unit]))
  return (stats?.byProsecutor ?? [])
    .map(({ prosecutor, unit, ...counts }) => ({
      ...counts,
      key: `${prosecutor}\u0000${unit ?? ''}`,
      value: prosecutor,
      label: prosecutor,
      sub: unit === null ? null : (unitNames.get(unit) ?? unit),
    }))
    .sort(byWorkload)
}
