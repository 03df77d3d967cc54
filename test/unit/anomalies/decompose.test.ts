/**
 * Root cause (shared/anomalies/decompose.ts): the shift-share decomposition of a ratio's change into
 * mix and rate effects adds up exactly to the total change, whatever the parts (also parts present
 * in one window only); counts decompose into plain differences; ranking folds the rest into 其他;
 * the waterfall walks from the comparison value to the current one.
 */
import { describe, expect, it } from 'vitest'
import {
  countContributions,
  rankContributions,
  shiftShare,
  waterfall,
  type PartFigures,
} from '../../../shared/anomalies/decompose.ts'
import { Random } from '../../helpers/seeded-random.ts'

const part = (key: string, a0: number, n0: number, a1: number, n1: number): PartFigures => ({
  key,
  label: key,
  before: { numerator: a0, denominator: n0 },
  after: { numerator: a1, denominator: n1 },
})

describe('shift-share', () => {
  it('splits a change into mix and rate effects', () => {
    // 危险驾驶 keeps its rate (50%) but doubles its share; 盗窃 keeps share and rate.
    const d = shiftShare([part('危险驾驶罪', 50, 100, 100, 200), part('盗窃罪', 10, 100, 10, 100)], 100)
    expect(d.before).toBeCloseTo(30, 10) // 60 / 200
    expect(d.after).toBeCloseTo(36.6667, 3) // 110 / 300
    const [dangerous, theft] = d.contributions
    expect(dangerous.rate).toBeCloseTo(0, 10)
    expect(dangerous.mix).toBeGreaterThan(0)
    expect(theft.rate).toBeCloseTo(0, 10)
    expect(theft.mix).toBeLessThan(0) // its share fell from 1/2 to 1/3
    expect(dangerous.total + theft.total).toBeCloseTo(d.change!, 10)
  })

  it('a pure rate effect when shares stay the same', () => {
    const d = shiftShare([part('A', 10, 100, 30, 100), part('B', 10, 100, 10, 100)], 100)
    expect(d.contributions[0].mix).toBeCloseTo(0, 10)
    expect(d.contributions[0].rate).toBeCloseTo(10, 10) // (30% − 10%) × share ½
    expect(d.contributions[0].share).toBeCloseTo(1, 10)
  })

  it('sums to the total change exactly, on random parts (also parts present in one window only)', () => {
    const random = new Random(20260115)
    for (let round = 0; round < 200; round++) {
      const parts: PartFigures[] = []
      const n = random.int(1, 12)
      for (let i = 0; i < n; i++) {
        const n0 = random.chance(0.15) ? 0 : random.int(1, 500)
        const n1 = random.chance(0.15) ? 0 : random.int(1, 500)
        parts.push(part(`p${i}`, random.int(0, n0), n0, random.int(0, n1), n1))
      }
      const d = shiftShare(parts, 100)
      if (d.change === null) continue
      const sum = d.contributions.reduce((s, c) => s + c.total, 0)
      expect(Math.abs(sum - d.change)).toBeLessThan(1e-9)
      for (const c of d.contributions) expect(c.mix! + c.rate!).toBeCloseTo(c.total, 12)
    }
  })

  it('no change when a window is empty as a whole', () => {
    const d = shiftShare([part('A', 0, 0, 3, 10)], 100)
    expect(d.before).toBeNull()
    expect(d.change).toBeNull()
  })
})

describe('count contributions', () => {
  it('each part its difference; they add up to the change', () => {
    const d = countContributions([
      {
        key: '东台市院',
        label: '东台市院',
        before: { numerator: 382, denominator: null },
        after: { numerator: 1786, denominator: null },
      },
      {
        key: '盐都区院',
        label: '盐都区院',
        before: { numerator: 200, denominator: null },
        after: { numerator: 255, denominator: null },
      },
    ])
    expect(d.change).toBe(1459)
    expect(d.contributions.map((c) => c.total)).toEqual([1404, 55])
    expect(d.contributions[0].share).toBeCloseTo(1404 / 1459, 10)
    expect(d.contributions[0].mix).toBeNull()
  })
})

describe('ranking and waterfall', () => {
  const d = shiftShare(
    [
      part('A', 10, 100, 40, 100),
      part('B', 10, 100, 5, 100),
      part('C', 10, 100, 12, 100),
      part('D', 10, 100, 11, 100),
    ],
    100,
  )

  it('largest contributions first; the rest folded into 其他 with the same total', () => {
    const { top, other } = rankContributions(d.contributions, 2)
    expect(top.map((c) => c.key)).toEqual(['A', 'B'])
    expect(other!.label).toBe('其他（2项）')
    expect(other!.total).toBeCloseTo(d.contributions[2].total + d.contributions[3].total, 12)
    expect(rankContributions(d.contributions, 10).other).toBeNull()
  })

  it('the waterfall walks from before to after through every contribution', () => {
    const { top, other } = rankContributions(d.contributions, 2)
    const steps = waterfall(d.before!, d.after!, [...top, other!], { start: '去年同期', end: '本期' })
    expect(steps[0]).toMatchObject({ kind: 'start', to: d.before })
    expect(steps.at(-1)).toMatchObject({ kind: 'end', to: d.after })
    expect(steps.at(-2)!.to).toBeCloseTo(d.after!, 10)
    for (let i = 2; i < steps.length - 1; i++) expect(steps[i].from).toBe(steps[i - 1].to)
  })
})
