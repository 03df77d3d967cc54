/**
 * The unit hierarchy as matrix rows: 省院, then each 市院 followed by its 基层院 (codes in order),
 * with depth for indentation and collapsible 市院; peers (units with the same 上级院) for rankings.
 */
import type { UnitSummary } from '../../../../shared/ipc/contract.ts'

export interface UnitRow {
  unit: UnitSummary
  depth: number
  /** Direct subordinate units. */
  children: number
}

export const LEVEL_NAMES: Readonly<Record<UnitSummary['level'], string>> = {
  province: '省院',
  city: '市院',
  county: '基层院',
}

const byCode = (a: UnitSummary, b: UnitSummary) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** Depth-first: a unit, then its subordinates; a unit whose 上级院 is missing starts a tree of its own. */
export function orderUnits(units: readonly UnitSummary[]): UnitRow[] {
  const codes = new Set(units.map((u) => u.code))
  const children = new Map<string, UnitSummary[]>()
  const roots: UnitSummary[] = []
  for (const unit of units) {
    if (unit.parent === null || !codes.has(unit.parent)) roots.push(unit)
    else children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit])
  }
  const rows: UnitRow[] = []
  const visit = (unit: UnitSummary, depth: number) => {
    const below = (children.get(unit.code) ?? []).sort(byCode)
    rows.push({ unit, depth, children: below.length })
    for (const child of below) visit(child, depth + 1)
  }
  for (const root of roots.sort((a, b) => levelRank(a) - levelRank(b) || byCode(a, b))) visit(root, 0)
  return rows
}

const levelRank = (unit: UnitSummary) => ['province', 'city', 'county'].indexOf(unit.level)

/** Rows without the descendants of collapsed units. */
export function visibleRows(rows: readonly UnitRow[], collapsed: ReadonlySet<string>): UnitRow[] {
  const shown: UnitRow[] = []
  let hiddenBelow: number | null = null
  for (const row of rows) {
    if (hiddenBelow !== null && row.depth > hiddenBelow) continue
    hiddenBelow = collapsed.has(row.unit.code) ? row.depth : null
    shown.push(row)
  }
  return shown
}

/** Units with the same 上级院 (the unit included); the 省院 alone has none but itself. */
export function peersOf(units: readonly UnitSummary[], code: string): UnitSummary[] {
  const unit = units.find((u) => u.code === code)
  if (!unit) return []
  return units.filter((u) => u.parent === unit.parent && u.level === unit.level)
}

/** The name for chart axes: without 人民检察院 (南京市玄武区). */
export function shortUnitName(unit: UnitSummary): string {
  const name = unit.name.replace(/人民检察院$/, '')
  return name === '' ? unit.name : name
}
