import { describe, expect, it } from 'vitest'
import {
  DEAD_ZONE,
  deviationColor,
  deviationText,
  relativeDeviation,
} from '../../../renderer/src/pages/indicators/deviationColor.ts'

describe('deviation colours', () => {
  it('colours 正向 indicators green above the peer average and red below', () => {
    expect(deviationColor('up', 5, 20).tone).toBe('good')
    expect(deviationColor('up', -5, 20).tone).toBe('bad')
  })

  it('reverses for 反向 indicators', () => {
    expect(deviationColor('down', 5, 20).tone).toBe('bad')
    expect(deviationColor('down', -5, 20).tone).toBe('good')
  })

  it('shows 区间 indicators as one neutral hue growing with |deviation|', () => {
    const above = deviationColor('range', 5, 20)
    const below = deviationColor('range', -5, 20)
    expect(above.tone).toBe('range')
    expect(below.tone).toBe('range')
    expect(above.intensity).toBeCloseTo(below.intensity)
    expect(deviationColor('range', 10, 20).intensity).toBeGreaterThan(above.intensity)
    expect(above.background).toMatch(/^rgb\(25 118 210 \/ 0\.\d+\)$/)
  })

  it('grows with the relative deviation and saturates', () => {
    const small = deviationColor('up', 1, 20)
    const large = deviationColor('up', 8, 20)
    expect(large.intensity).toBeGreaterThan(small.intensity)
    expect(deviationColor('up', 100, 20).intensity).toBe(1)
    expect(deviationColor('up', 1000, 20).background).toBe(deviationColor('up', 100, 20).background)
  })

  it('leaves figures at the average and missing ones untinted', () => {
    expect(deviationColor('up', 20 * DEAD_ZONE * 0.5, 20)).toEqual({
      tone: 'neutral',
      intensity: 0,
      background: undefined,
    })
    expect(deviationColor('up', null, 20).tone).toBe('none')
    expect(deviationColor('down', 3, null).tone).toBe('none')
    expect(deviationColor('up', Number.NaN, 20).tone).toBe('none')
  })

  it('treats any deviation from a zero average as a full one', () => {
    expect(relativeDeviation(0, 0)).toBe(0)
    expect(relativeDeviation(2, 0)).toBe(1)
    expect(relativeDeviation(-2, 0)).toBe(-1)
    expect(deviationColor('down', 2, 0)).toMatchObject({ tone: 'bad', intensity: 1 })
    // A negative average (a change, a balance) still compares by size.
    expect(relativeDeviation(-5, -10)).toBe(-0.5)
  })

  it('says in Chinese which side and whether it is good', () => {
    expect(deviationText('up', 5, 20)).toBe('高于同级平均 25.0%，较好')
    expect(deviationText('down', 5, 20)).toBe('高于同级平均 25.0%，较差')
    expect(deviationText('up', -2, 20)).toBe('低于同级平均 10.0%，较差')
    expect(deviationText('range', 5, 20)).toBe('高于同级平均 25.0%，偏离较大')
    expect(deviationText('up', 0.1, 20)).toBe('接近同级平均')
    expect(deviationText('up', null, null)).toBe('无同级平均可比')
    // Rates: the gap in 百分点 (千分点), not relative to the average.
    expect(deviationText('down', 4.23, 30, '%')).toBe('高于同级平均 4.2个百分点，较差')
    expect(deviationText('up', -1.5, 12, '‰')).toBe('低于同级平均 1.5个千分点，较差')
    expect(deviationText('up', 5, 20, '人')).toBe('高于同级平均 25.0%，较好')
  })
})
