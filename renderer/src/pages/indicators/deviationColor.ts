/**
 * Matrix cell colours from a figure's deviation from its peer average, read through the indicator's
 * direction: for 正向 (up) indicators above average is good (green) and below bad (red), 反向 (down)
 * the reverse, and 区间 (range) indicators are only "far from average" (blue, stronger the farther).
 * Deviation is taken relative to the average so rates, counts and days colour alike.
 */
import { isRateUnit, type Direction, type DisplayUnit } from '../../../../shared/indicators/model.ts'

export type Tone = 'good' | 'bad' | 'range' | 'neutral' | 'none'

export interface CellColor {
  tone: Tone
  /** 0 … 1: how strongly the cell is tinted. */
  intensity: number
  /** CSS background, undefined for neutral and empty cells. */
  background: string | undefined
}

/** |deviation| below this share of the average counts as "at the average". */
export const DEAD_ZONE = 0.02
/** A deviation of this share of the average or more gets the full tint. */
export const SATURATION = 0.5

const RGB: Record<'good' | 'bad' | 'range', string> = {
  good: '46 125 50',
  bad: '198 40 40',
  range: '25 118 210',
}

/** deviation / |average|; a zero average makes any deviation a full one. null when undefined. */
export function relativeDeviation(deviation: number | null, average: number | null): number | null {
  if (deviation === null || average === null || !Number.isFinite(deviation) || !Number.isFinite(average)) {
    return null
  }
  if (average === 0) return deviation === 0 ? 0 : Math.sign(deviation)
  return deviation / Math.abs(average)
}

export function deviationColor(
  direction: Direction,
  deviation: number | null,
  average: number | null,
): CellColor {
  const relative = relativeDeviation(deviation, average)
  if (relative === null) return { tone: 'none', intensity: 0, background: undefined }
  const size = Math.abs(relative)
  if (size < DEAD_ZONE) return { tone: 'neutral', intensity: 0, background: undefined }
  const intensity = Math.min(1, size / SATURATION)
  const tone: Tone = direction === 'range' ? 'range' : relative > 0 === (direction === 'up') ? 'good' : 'bad'
  const alpha = Math.round((0.1 + 0.45 * intensity) * 100) / 100
  return { tone, intensity, background: `rgb(${RGB[tone]} / ${alpha})` }
}

/**
 * One line for the tooltip: 高于同级平均 4.2个百分点，较好 (rates: the gap in 百分点/千分点), or
 * 低于同级平均 12.5%，较差 (counts, days, ratios: the gap relative to the average).
 */
export function deviationText(
  direction: Direction,
  deviation: number | null,
  average: number | null,
  unit?: DisplayUnit,
): string {
  const relative = relativeDeviation(deviation, average)
  if (relative === null || deviation === null) return '无同级平均可比'
  if (Math.abs(relative) < DEAD_ZONE) return '接近同级平均'
  const side = relative > 0 ? '高于' : '低于'
  const share =
    unit !== undefined && isRateUnit(unit)
      ? `${Math.abs(deviation).toFixed(1)}个${unit === '‰' ? '千分点' : '百分点'}`
      : `${(Math.abs(relative) * 100).toFixed(1)}%`
  if (direction === 'range') {
    return `${side}同级平均 ${share}，偏离较${Math.abs(relative) >= SATURATION / 2 ? '大' : '小'}`
  }
  const good = relative > 0 === (direction === 'up')
  return `${side}同级平均 ${share}，${good ? '较好' : '较差'}`
}
