/**
 * Geometry of a warning's sparkline (its last 24 monthly values): an SVG path broken at months without
 * a value, the last point, and the months of the warning's window shaded.
 */
import { monthKey, parsePeriod } from '../../../../shared/indicators/period.ts'

export interface SparklineGeometry {
  /** SVG path data; '' when no month has a value. */
  path: string
  /** The last month with a value. */
  last: { x: number; y: number } | null
  /** The shaded window (x and width), when it falls inside the months. */
  band: { x: number; width: number } | null
  min: number | null
  max: number | null
}

const round = (n: number) => Math.round(n * 10) / 10

/**
 * @param highlight first and last index (inclusive) of the months to shade, or null.
 * An isolated value (no neighbour with a value) is drawn as a dot (a zero-length segment with round caps).
 */
export function sparklineGeometry(
  values: readonly (number | null)[],
  width: number,
  height: number,
  highlight: readonly [number, number] | null = null,
  padding = 2,
): SparklineGeometry {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v))
  const n = values.length
  const step = n > 1 ? (width - 2 * padding) / (n - 1) : 0
  const xOf = (i: number) => round(padding + (n > 1 ? i * step : (width - 2 * padding) / 2))
  const band =
    highlight === null || n === 0
      ? null
      : {
          x: round(Math.max(0, xOf(highlight[0]) - step / 2)),
          width: round(
            Math.min(width, xOf(highlight[1]) + step / 2) - Math.max(0, xOf(highlight[0]) - step / 2),
          ),
        }
  if (present.length === 0) return { path: '', last: null, band, min: null, max: null }
  const min = Math.min(...present)
  const max = Math.max(...present)
  const span = max - min
  const yOf = (v: number) =>
    round(span === 0 ? height / 2 : padding + (1 - (v - min) / span) * (height - 2 * padding))
  const parts: string[] = []
  let last: SparklineGeometry['last'] = null
  let open = false
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      open = false
      return
    }
    const x = xOf(i)
    const y = yOf(v)
    const next = values[i + 1]
    const isolated = !open && (next === null || next === undefined || !Number.isFinite(next))
    parts.push(open ? `L${x} ${y}` : isolated ? `M${x} ${y}h0.01` : `M${x} ${y}`)
    open = true
    last = { x, y }
  })
  return { path: parts.join(''), last, band, min, max }
}

/** Indexes (first, last) of the window's months among the sparkline's months; null when none is there. */
export function windowRange(months: readonly string[], windowText: string): [number, number] | null {
  const parsed = parsePeriod(windowText)
  if (!parsed.ok) return null
  const first = months.indexOf(monthKey(parsed.period.from))
  const last = months.indexOf(monthKey(parsed.period.to))
  if (first === -1 && last === -1) {
    // The window may enclose the whole sparkline, or lie outside it.
    const from = monthKey(parsed.period.from)
    const to = monthKey(parsed.period.to)
    if (months.length > 0 && from <= months[0] && to >= months[months.length - 1])
      return [0, months.length - 1]
    return null
  }
  return [first === -1 ? 0 : first, last === -1 ? months.length - 1 : last]
}
