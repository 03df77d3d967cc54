import { describe, expect, it } from 'vitest'
import type { WaterfallStep } from '../../../shared/anomalies/decompose.ts'
import { sparklineGeometry, windowRange } from '../../../renderer/src/pages/alerts/sparkline.ts'
import { deltaTone, niceStep, waterfallBars } from '../../../renderer/src/pages/alerts/waterfallData.ts'
import { trendThrough } from '../../../renderer/src/pages/alerts/alertsView.ts'
import { trendPoints, withForecast } from '../../../renderer/src/pages/indicators/chartData.ts'

describe('sparkline geometry', () => {
  it('draws a path broken at months without a value, isolated values as dots', () => {
    const g = sparklineGeometry([1, 3, null, 2, null, null], 52, 12, null, 2)
    // x: 2 + i * 48/5 = 2, 11.6, 21.2, 30.8 …; y: 2 + (1 - (v - 1) / 2) * 8
    expect(g.path).toBe('M2 10L11.6 2M30.8 6h0.01')
    expect(g.last).toEqual({ x: 30.8, y: 6 })
    expect(g.min).toBe(1)
    expect(g.max).toBe(3)
    expect(g.band).toBeNull()
  })

  it('draws a flat line in the middle and nothing without values', () => {
    expect(sparklineGeometry([5, 5], 10, 10, null, 0).path).toBe('M0 5L10 5')
    const empty = sparklineGeometry([null, null], 10, 10)
    expect(empty.path).toBe('')
    expect(empty.last).toBeNull()
  })

  it('shades the window months', () => {
    const g = sparklineGeometry([1, 2, 3, 4, 5], 40, 10, [3, 4], 0)
    expect(g.band).toEqual({ x: 25, width: 15 })
  })

  it('finds the window among the sparkline months', () => {
    const months = ['2024-05', '2024-06', '2024-07', '2024-08', '2024-09']
    expect(windowRange(months, '2024Q3')).toEqual([2, 4])
    expect(windowRange(months, '2024-06')).toEqual([1, 1])
    expect(windowRange(months, '2024')).toEqual([0, 4])
    expect(windowRange(months, '2023Q1')).toBeNull()
    expect(windowRange(months, 'nonsense')).toBeNull()
  })
})

describe('waterfall bars', () => {
  const steps = (before: number, deltas: number[], after: number): WaterfallStep[] => {
    const out: WaterfallStep[] = [{ label: '去年同期', kind: 'start', from: 0, to: before, value: before }]
    let running = before
    for (const [i, d] of deltas.entries()) {
      out.push({ label: `p${i}`, kind: 'delta', from: running, to: running + d, value: d })
      running += d
    }
    out.push({ label: '本期', kind: 'end', from: 0, to: after, value: after })
    return out
  }

  it('stacks an invisible base under each bar, from 0 when the levels allow', () => {
    const data = waterfallBars(steps(7, [15, 5, -1], 26), 'range')
    expect(data.floor).toBe(0)
    expect(data.bars.map((b) => [b.base, b.size])).toEqual([
      [0, 7],
      [7, 15],
      [22, 5],
      [26, 1],
      [0, 26],
    ])
    expect(data.bars.map((b) => b.tone)).toEqual(['total', 'neutral', 'neutral', 'neutral', 'total'])
    expect(data.ticks[0]).toBe(0)
    expect(data.top).toBeGreaterThanOrEqual(27)
    expect(data.ticks[data.ticks.length - 1]).toBe(data.top)
  })

  it('cuts the axis below the levels when the changes are small against them', () => {
    const data = waterfallBars(steps(40, [3, 2], 45), 'down')
    expect(data.floor).toBeGreaterThan(30)
    expect(data.floor).toBeLessThan(40)
    const [start, first, second, end] = data.bars
    expect(start.base).toBe(0)
    expect(start.size + data.floor).toBeCloseTo(40)
    expect(first.base + data.floor).toBeCloseTo(40)
    expect(first.size).toBeCloseTo(3)
    expect(second.base + data.floor).toBeCloseTo(43)
    expect(end.size + data.floor).toBeCloseTo(45)
    // A 反向 indicator rising is for the worse.
    expect(first.tone).toBe('bad')
    // Ticks are round values once the floor is added back.
    for (const t of data.ticks) expect(Number.isInteger(Math.round((t + data.floor) * 1e6) / 1e6)).toBe(true)
  })

  it('handles negative levels with every bar above the floor', () => {
    const data = waterfallBars(steps(-5, [8], 3), 'up')
    expect(data.floor).toBeLessThanOrEqual(-5)
    for (const bar of data.bars) {
      expect(bar.base).toBeGreaterThanOrEqual(0)
      expect(bar.size).toBeGreaterThanOrEqual(0)
    }
    const [start, delta, end] = data.bars
    // The start bar hangs from 0 down to −5; the end bar rises from 0 to 3.
    expect(start.base + data.floor).toBeCloseTo(-5)
    expect(start.size).toBeCloseTo(5)
    expect(delta.tone).toBe('good')
    expect(end.base + data.floor).toBeCloseTo(0)
    expect(end.size).toBeCloseTo(3)
  })

  it('is empty without steps', () => {
    expect(waterfallBars([], 'up').bars).toEqual([])
  })

  it('picks nice steps and direction-aware tones', () => {
    expect(niceStep(1.6)).toBe(2)
    expect(niceStep(0.23)).toBe(0.25)
    expect(niceStep(7)).toBe(10)
    expect(niceStep(0)).toBe(1)
    expect(deltaTone(2, 'up')).toBe('good')
    expect(deltaTone(-2, 'up')).toBe('bad')
    expect(deltaTone(2, 'range')).toBe('neutral')
    expect(deltaTone(0, 'down')).toBe('neutral')
  })
})

describe('forecast on the trend chart', () => {
  const series = trendPoints([
    { month: '2025-10', value: 30, lastYear: 28 } as never,
    { month: '2025-11', value: 32, lastYear: 29 } as never,
    { month: '2025-12', value: 31, lastYear: 27 } as never,
  ])

  it('appends the forecast after the last month, starting the line and band from it', () => {
    const { points, ahead } = withForecast(series, [
      { month: '2026-01', expected: 33, lower: 28, upper: 38 },
      { month: '2026-02', expected: null, lower: null, upper: null },
    ])
    expect(ahead).toBe(2)
    expect(points.map((p) => p.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    expect(points[0]).toMatchObject({ expected: null, band: null, value: 30 })
    expect(points[2]).toMatchObject({ value: 31, expected: 31, band: [31, 31] })
    expect(points[3]).toMatchObject({ label: '26年1月', value: null, expected: 33, band: [28, 38] })
    expect(points[4]).toMatchObject({ expected: null, band: null })
  })

  it('fills a forecast month’s 上年同期 from the chart', () => {
    const { points } = withForecast(
      trendPoints([
        { month: '2025-01', value: 10, lastYear: null } as never,
        ...(Array.from({ length: 11 }, (_, i) => ({
          month: `2025-${String(i + 2).padStart(2, '0')}`,
          value: 20,
          lastYear: null,
        })) as never[]),
      ]),
      [{ month: '2026-01', expected: 12, lower: 8, upper: 16 }],
    )
    expect(points[points.length - 1].lastYear).toBe(10)
  })

  it('leaves a chart alone when the forecast does not continue it', () => {
    expect(withForecast(series, [{ month: '2026-03', expected: 1, lower: 0, upper: 2 }]).ahead).toBe(0)
    expect(withForecast(series, []).ahead).toBe(0)
    const gap = trendPoints([{ month: '2025-12', value: null, lastYear: 1 } as never])
    expect(withForecast(gap, [{ month: '2026-01', expected: 1, lower: 0, upper: 2 }]).ahead).toBe(0)
  })

  it('runs a warning’s trend up to the latest data when the period is recent', () => {
    expect(trendThrough('2025Q3', '2025-12')).toBe('2025-12')
    expect(trendThrough('2025Q4', '2025-12')).toBeUndefined()
    expect(trendThrough('2023-10', '2025-12')).toBeUndefined()
    expect(trendThrough('2025Q3', null)).toBeUndefined()
  })
})
