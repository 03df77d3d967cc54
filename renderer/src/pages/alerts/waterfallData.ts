/**
 * The waterfall chart's bars from the engine's steps (previous value, each part's contribution, current
 * value) as stacked bars: an invisible base and the visible size. The value axis need not start at 0 —
 * a 40% → 45% change would be a sliver on a 0-based axis — so every bar is drawn relative to a "nice"
 * floor and the axis labels add it back; negative values work the same way.
 */
import type { WaterfallStep } from '../../../../shared/anomalies/decompose.ts'
import type { Direction } from '../../../../shared/indicators/model.ts'

export type WaterfallTone = 'total' | 'bad' | 'good' | 'neutral'

export interface WaterfallBar {
  label: string
  kind: WaterfallStep['kind']
  /** Invisible part below the bar (relative to the floor). */
  base: number
  /** The visible bar's length. */
  size: number
  /** The step's own value: the contribution of a delta, the level of start and end. */
  value: number
  /** Where the bar starts and ends in real values. */
  from: number
  to: number
  tone: WaterfallTone
}

export interface WaterfallData {
  bars: WaterfallBar[]
  /** The real value at the bottom of the axis. */
  floor: number
  /** Axis ticks relative to the floor (add `floor` for the label). */
  ticks: number[]
  /** The axis domain relative to the floor. */
  top: number
}

/** A delta's tone: a rise of a 反向 indicator (or a fall of a 正向 one) is for the worse. */
export function deltaTone(value: number, direction: Direction): WaterfallTone {
  if (value === 0 || direction === 'range') return 'neutral'
  return value > 0 === (direction === 'up') ? 'good' : 'bad'
}

/** 1, 2, 2.5 or 5 × a power of ten, at least `rough`. */
export function niceStep(rough: number): number {
  if (!Number.isFinite(rough) || rough <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(rough))
  const fraction = rough / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
  return nice * power
}

const clean = (n: number) => Math.round(n * 1e9) / 1e9

export function waterfallBars(
  steps: readonly WaterfallStep[],
  direction: Direction,
  tickCount = 5,
): WaterfallData {
  if (steps.length === 0) return { bars: [], floor: 0, ticks: [0], top: 1 }
  // Start and end bars rise from the axis; only the levels matter for the range of the axis.
  const levels = steps.flatMap((s) => (s.kind === 'delta' ? [s.from, s.to] : [s.to]))
  const low = Math.min(...levels)
  const high = Math.max(...levels)
  const range = high - low
  // Start at 0 when the bars would still show their differences; else cut the axis below the lowest level.
  let floorValue: number
  if (low >= 0 && (range === 0 || low <= range * 2)) floorValue = 0
  else floorValue = low - Math.max(range * 0.6, Math.abs(low) * 0.02, 1e-9)
  const step = niceStep((high - Math.min(floorValue, low)) / tickCount)
  const floor = low >= 0 && floorValue <= 0 ? 0 : Math.floor(floorValue / step) * step
  const topValue = Math.ceil((high + (high === floor ? step : 0)) / step) * step
  const ticks: number[] = []
  for (let t = floor; t <= topValue + step / 2; t += step) ticks.push(clean(t - floor))
  // Start and end bars span from the zero line (the floor when the axis is cut) to their level.
  const zero = Math.max(floor, 0)
  const bars = steps.map((s): WaterfallBar => {
    const lowEnd = s.kind === 'delta' ? Math.min(s.from, s.to) : Math.min(zero, s.to)
    const highEnd = s.kind === 'delta' ? Math.max(s.from, s.to) : Math.max(zero, s.to)
    const bottom = Math.max(lowEnd, floor)
    return {
      label: s.label,
      kind: s.kind,
      base: clean(bottom - floor),
      size: clean(Math.max(0, highEnd - bottom)),
      value: s.value,
      from: s.kind === 'delta' ? s.from : 0,
      to: s.to,
      tone: s.kind === 'delta' ? deltaTone(s.value, direction) : 'total',
    }
  })
  return { bars, floor: clean(floor), ticks, top: clean(topValue - floor) }
}
