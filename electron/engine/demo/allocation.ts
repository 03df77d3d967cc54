/** New suspects per 基层院 and month: caseload, seasonality and anomalies in one table. */
import type { AnomalyPlan } from './anomalies.ts'
import { monthWeight, type Month } from './calendar.ts'
import type { DemoUnit } from './hierarchy.ts'

export interface UnitAllocation {
  months: [Month, number][]
  warm: number
}

/**
 * New suspects per county and month: proportional to unit size × the month's working days and
 * seasonality × anomaly factors, rounded by largest remainder so the window holds exactly `persons`.
 * Warm-up months get the same rate on top.
 */
export function allocate(
  counties: DemoUnit[],
  months: Month[],
  warmUp: Month[],
  persons: number,
  anomalies: AnomalyPlan,
): Map<number, UnitAllocation> {
  const cells: { unit: number; month: Month; exact: number }[] = []
  let total = 0
  for (const unit of counties) {
    for (const month of months) {
      const weight = unit.size * monthWeight(month) * anomalies.entryFactor(unit.index, month.key)
      cells.push({ unit: unit.index, month, exact: weight })
      total += weight
    }
  }
  const scale = persons / total
  let assigned = 0
  const counts = cells.map((c) => {
    const n = Math.floor(c.exact * scale)
    assigned += n
    return n
  })
  const order = cells
    .map((_, i) => i)
    .sort((a, b) => cells[b].exact * scale - counts[b] - (cells[a].exact * scale - counts[a]) || a - b)
  for (let i = 0; i < persons - assigned; i++) counts[order[i % order.length]]++
  const result = new Map<number, UnitAllocation>()
  for (const unit of counties) {
    const warm = warmUp.map((month): [Month, number] => [
      month,
      Math.round(unit.size * monthWeight(month) * scale),
    ])
    result.set(unit.index, { months: [...warm], warm: warm.reduce((s, [, n]) => s + n, 0) })
  }
  cells.forEach((c, i) => result.get(c.unit)!.months.push([c.month, counts[i]]))
  return result
}
