/**
 * The detectors' decisions (shared/anomalies/detect.ts): 升降 needs a change that is both large (5
 * 个百分点 for rates, 20% for counts) and unusual (beyond the usual fluctuation and the sampling
 * noise); the small-sample guard holds back denominators below 10 and changes resting on a handful of
 * records; 空白, 离群 (robust z among peers), 季节异常, the base effect and standing outliers.
 */
import { describe, expect, it } from 'vitest'
import {
  detectBlank,
  detectChange,
  detectOutlier,
  detectSeasonal,
  expectedEvents,
  isBaseEffect,
  isStandingOutlier,
  medianObs,
  peerReference,
  recordsBehind,
  samplingSe,
  valueKindOf,
  type Obs,
} from '../../../shared/anomalies/detect.ts'
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../shared/anomalies/model.ts'

const t: Thresholds = { ...DEFAULT_THRESHOLDS }
const rate = (a: number, n: number): Obs => ({
  value: n === 0 ? null : (a / n) * 100,
  numerator: a,
  denominator: n,
})
const count = (n: number): Obs => ({ value: n, numerator: n, denominator: null })

describe('value kinds', () => {
  it('rates change in 百分点, counts and the rest in %', () => {
    expect(valueKindOf('%')).toBe('rate')
    expect(valueKindOf('‰')).toBe('rate')
    expect(valueKindOf('人')).toBe('count')
    expect(valueKindOf('件')).toBe('count')
    expect(valueKindOf('天')).toBe('other')
    expect(valueKindOf('比值')).toBe('other')
  })
})

describe('升降 (detectChange)', () => {
  it('a rate up 12.3 个百分点 on two thousand persons is a warning', () => {
    const r = detectChange({
      kind: 'rate',
      scale: 100,
      current: rate(904, 2000),
      base: rate(658, 2000),
      noise: 1,
      t,
    })
    expect(r.status).toBe('alarm')
    expect(r.change).toBeCloseTo(12.3, 10)
    expect(r.z!).toBeGreaterThan(5)
  })

  it('a significant change below 5 个百分点 is not (the practical threshold)', () => {
    const r = detectChange({
      kind: 'rate',
      scale: 100,
      current: rate(36_000, 100_000),
      base: rate(33_000, 100_000),
      noise: 0.1,
      t,
    })
    expect(r.change).toBeCloseTo(3, 10)
    expect(r.status).toBe('none')
  })

  it('a large change within the unit usual fluctuation is not', () => {
    // 12 个百分点, but this unit moves by σ = 6 个百分点 from month to month: z = 12 / (√2 · 6) ≈ 1.4
    const r = detectChange({
      kind: 'rate',
      scale: 100,
      current: rate(452, 1000),
      base: rate(332, 1000),
      noise: 6,
      t,
    })
    expect(r.status).toBe('none')
    expect(r.z!).toBeCloseTo(12 / (Math.SQRT2 * 6), 1)
  })

  it('computes the noise only for a change large enough to matter', () => {
    let calls = 0
    const noise = () => {
      calls++
      return 1
    }
    detectChange({ kind: 'count', scale: 1, current: count(105), base: count(100), noise, t })
    expect(calls).toBe(0)
    detectChange({ kind: 'count', scale: 1, current: count(300), base: count(100), noise, t })
    expect(calls).toBe(1)
  })

  it('counts change in %: 382 → 1,786 persons is +367.5%', () => {
    // Counts are judged on the log scale: this unit's months usually differ by σ = 10%.
    const r = detectChange({ kind: 'count', scale: 1, current: count(1786), base: count(382), noise: 0.1, t })
    expect(r.change).toBeCloseTo(367.5, 1)
    expect(r.z).toBeCloseTo(Math.log(1786.5 / 382.5) / (Math.SQRT2 * 0.1), 10)
    expect(r.status).toBe('alarm')
    expect(
      detectChange({ kind: 'count', scale: 1, current: count(110), base: count(100), noise: 0.01, t }).status,
    ).toBe('none')
  })

  it('a fall to a tenth is as plain as a fivefold rise (log scale)', () => {
    const fall = detectChange({
      kind: 'count',
      scale: 1,
      current: count(25),
      base: count(250),
      noise: 0.15,
      t,
    })
    const rise = detectChange({
      kind: 'count',
      scale: 1,
      current: count(1250),
      base: count(250),
      noise: 0.15,
      t,
    })
    expect(fall.status).toBe('alarm')
    expect(rise.status).toBe('alarm')
    expect(Math.abs(fall.z!)).toBeGreaterThan(rise.z! * 0.9)
  })

  it('small-sample guard: a denominator below 10 is 样本过少, not alarmed', () => {
    const r = detectChange({
      kind: 'rate',
      scale: 100,
      sampling: 'none',
      current: rate(7, 8),
      base: rate(1, 9),
      noise: 1,
      t,
    })
    expect(r.sample).toBe(8)
    expect(r.status).toBe('small')
  })

  it('small-sample guard: a change resting on fewer than 10 persons is 样本过少 too', () => {
    // 15% of 60 against 1.7% of 60: 8 persons decided otherwise
    const r = detectChange({
      kind: 'rate',
      scale: 100,
      sampling: 'none',
      current: rate(9, 60),
      base: rate(1, 60),
      noise: 1,
      t,
    })
    expect(r.records).toBeCloseTo(8, 10)
    expect(r.status).toBe('small')
  })

  it('small-sample guard: a rate resting on fewer than 10 expected events (np < 10)', () => {
    const r = detectChange({
      kind: 'rate',
      scale: 100,
      current: rate(12, 150),
      base: rate(0, 150),
      noise: 0,
      t: { ...t, zChange: 3 },
    })
    expect(expectedEvents('binomial', rate(12, 150), 4, 100)).toBeCloseTo(6, 10)
    expect(r.status).toBe('small')
  })

  it('nothing to compare when either figure is blank', () => {
    expect(
      detectChange({ kind: 'rate', scale: 100, current: rate(0, 0), base: rate(3, 10), noise: 1, t }).status,
    ).toBe('none')
  })
})

describe('sampling noise', () => {
  it('binomial for a proportion, larger for a ratio of two flows, Poisson for a count', () => {
    const obs = rate(885, 1000)
    const binomial = samplingSe('binomial', obs, 100)!
    expect(binomial).toBeCloseTo(100 * Math.sqrt((0.885 * 0.115) / 1000), 10)
    expect(samplingSe('ratio', obs, 100)!).toBeGreaterThan(binomial)
    expect(samplingSe('poisson', count(400), 1)).toBe(20)
    expect(samplingSe('none', obs, 100)).toBeNull()
  })

  it('an average of days: its value × √(2 / n)', () => {
    expect(samplingSe('mean', { value: 20, numerator: 4000, denominator: 200 }, 1)).toBeCloseTo(2, 10)
  })

  it('records behind a difference: persons decided otherwise, or the count difference', () => {
    expect(recordsBehind('rate', rate(150, 300), 20, 100)).toBe(90)
    expect(recordsBehind('count', count(130), 100, 1)).toBe(30)
    expect(recordsBehind('other', { value: 20, numerator: 400, denominator: 20 }, 15, 1)).toBeNull()
  })
})

describe('空白 (detectBlank)', () => {
  it('a count of 0 where the unit usually has 15 is blank', () => {
    expect(detectBlank('count', count(0), 15, t)).toEqual({ status: 'alarm', usual: 15 })
  })

  it('not where the unit usually has few (a zero is then ordinary)', () => {
    expect(detectBlank('count', count(0), 4, t).status).toBe('none')
    expect(detectBlank('count', count(0), null, t).status).toBe('none')
  })

  it('a rate without denominator where it usually has one', () => {
    expect(detectBlank('rate', rate(0, 0), 40, t).status).toBe('alarm')
    expect(detectBlank('rate', rate(3, 40), 40, t).status).toBe('none')
  })
})

describe('离群 (detectOutlier)', () => {
  const peers = [18, 19, 20, 21, 22, 20, 19, 21, 20, 18, 22, 20, 19, 21]
  const reference = peerReference(peers)!

  it('robust z over the peers median and MAD', () => {
    const r = detectOutlier({ kind: 'rate', scale: 100, current: rate(225, 500), reference, noise: 2, t })
    expect(r.status).toBe('alarm')
    expect(r.center).toBe(20)
    expect(r.z!).toBeCloseTo(25 / reference.sigma!, 10)
  })

  it('a unit within the practical threshold of the median is not an outlier, however small the spread', () => {
    const tight = peerReference([20, 20.1, 19.9, 20, 20.05, 19.95])!
    expect(
      detectOutlier({ kind: 'rate', scale: 100, current: rate(240, 1000), reference: tight, noise: 0.1, t })
        .status,
    ).toBe('none')
  })

  it('an erratic unit far from the median is not a finding', () => {
    // 25 个百分点 from the median, but the unit swings by 10 个百分点 from month to month
    expect(
      detectOutlier({ kind: 'rate', scale: 100, current: rate(225, 500), reference, noise: 10, t }).status,
    ).toBe('none')
  })

  it('counts are not compared across units, and five peers are needed', () => {
    expect(
      detectOutlier({ kind: 'count', scale: 1, current: count(900), reference, noise: 1, t }).status,
    ).toBe('none')
    const few = peerReference([20, 21, 19, 20])!
    expect(
      detectOutlier({ kind: 'rate', scale: 100, current: rate(450, 1000), reference: few, noise: 1, t })
        .status,
    ).toBe('none')
  })

  it('a unit with a denominator below 10 is 样本过少', () => {
    expect(
      detectOutlier({
        kind: 'rate',
        scale: 100,
        sampling: 'none',
        current: rate(8, 9),
        reference,
        noise: 1,
        t,
      }).status,
    ).toBe('small')
  })

  it('standing outlier: already as far the same way over the preceding months', () => {
    const now = detectOutlier({ kind: 'rate', scale: 100, current: rate(225, 500), reference, noise: 2, t })
    const before = detectOutlier({
      kind: 'rate',
      scale: 100,
      current: rate(1300, 3000),
      reference,
      noise: 2,
      t,
    })
    const news = detectOutlier({ kind: 'rate', scale: 100, current: rate(650, 3000), reference, noise: 2, t })
    expect(isStandingOutlier(now, before)).toBe(true) // 23.3 个百分点 above then, 25 now
    expect(isStandingOutlier(now, news)).toBe(false) // 1.7 above then: the jump is news
  })
})

describe('季节异常 (detectSeasonal)', () => {
  const expectation = { expected: 100, spread: 5, years: 3 }

  it('far outside the interval expected from prior years is a warning, with the interval', () => {
    const r = detectSeasonal({ kind: 'count', scale: 1, current: count(250), expectation, noise: 0.05, t })
    expect(r.status).toBe('alarm')
    expect(r.expected).toBe(100)
    // Counts on the log scale: σ = max(fluctuation × √(1 + 1/3), spread / level, Poisson 1/√level)
    const sd = Math.max(0.05 * Math.sqrt(1 + 1 / 3), 5 / 100.5, Math.sqrt(1 / 100.5))
    expect(r.z).toBeCloseTo(Math.log(250.5 / 100.5) / sd, 10)
    expect(r.lower).toBeCloseTo(100.5 * Math.exp(-t.zSeason * sd) - 0.5, 10)
    expect(r.upper).toBeCloseTo(100.5 * Math.exp(t.zSeason * sd) - 0.5, 10)
  })

  it('inside the practical threshold it is not, and a count interval never goes below 0', () => {
    expect(
      detectSeasonal({ kind: 'count', scale: 1, current: count(110), expectation, noise: 0.01, t }).status,
    ).toBe('none')
    const r = detectSeasonal({
      kind: 'rate',
      scale: 100,
      current: rate(0, 100),
      expectation: { expected: 10, spread: 5, years: 2 },
      noise: 4,
      t,
    })
    expect(r.lower).toBe(0)
  })

  it('no expectation, no verdict', () => {
    expect(
      detectSeasonal({
        kind: 'count',
        scale: 1,
        current: count(10),
        expectation: { expected: null, spread: null, years: 0 },
        noise: 1,
        t,
      }).status,
    ).toBe('none')
  })
})

describe('基数效应 (isBaseEffect)', () => {
  const common = { kind: 'count' as const, scale: 1, noise: 0.1, t }

  it('a fall against an abnormal base while the current month is ordinary', () => {
    expect(
      isBaseEffect({
        ...common,
        current: count(385),
        recent: count(380),
        base: count(1786),
        baseNeighbours: count(390),
      }),
    ).toBe(true)
  })

  it('not when the current month itself is abnormal', () => {
    expect(
      isBaseEffect({
        ...common,
        current: count(60),
        recent: count(380),
        base: count(1786),
        baseNeighbours: count(390),
      }),
    ).toBe(false)
  })

  it('not when the base was ordinary', () => {
    expect(
      isBaseEffect({
        ...common,
        current: count(60),
        recent: count(70),
        base: count(380),
        baseNeighbours: count(390),
      }),
    ).toBe(false)
  })

  it('not when the base stood out the same way as the change (that is no base effect)', () => {
    expect(
      isBaseEffect({
        ...common,
        current: count(2000),
        recent: count(1900),
        base: count(200),
        baseNeighbours: count(100),
      }),
    ).toBe(false)
  })

  it('medianObs takes each part median', () => {
    expect(medianObs([rate(1, 10), rate(3, 30), rate(2, 20)])).toEqual({
      value: 10,
      numerator: 2,
      denominator: 20,
    })
  })
})
