/**
 * Severity of a warning, direction-aware (reports.md §5.4 (d)): a 反向 indicator rising or a 正向
 * indicator falling is a worsening — 高 (red); the same indicators moving the good way are 低 (a
 * notable improvement, still worth a look); 区间 indicators (no monotone goal: 不捕率, 不诉率, counts)
 * and 空白 (a data gap, not a direction) are 中 (amber).
 */
import type { Direction } from '../indicators/model.ts'
import type { AnomalyKind, Severity } from './model.ts'
import { SEVERITY_RANK } from './model.ts'

export type Movement = 'up' | 'down'

/** Whether a movement worsens the indicator; null when the indicator has no direction. */
export function worsens(direction: Direction, movement: Movement): boolean | null {
  if (direction === 'range') return null
  return direction === 'up' ? movement === 'down' : movement === 'up'
}

export function severityOf(kind: AnomalyKind, direction: Direction, movement: Movement | null): Severity {
  if (kind === '空白' || movement === null) return 'medium'
  const worse = worsens(direction, movement)
  if (worse === null) return 'medium'
  return worse ? 'high' : 'low'
}

export const atLeast = (severity: Severity, minimum: Severity) =>
  SEVERITY_RANK[severity] >= SEVERITY_RANK[minimum]
