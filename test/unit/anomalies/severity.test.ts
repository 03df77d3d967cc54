/**
 * Severity is direction-aware (reports.md §5.4 (d)): a worsening 反向 indicator, or a 正向 indicator
 * falling, is 高 (red); the same indicators improving are 低; 区间 indicators and 空白 are 中 (amber).
 */
import { describe, expect, it } from 'vitest'
import { atLeast, severityOf, worsens } from '../../../shared/anomalies/severity.ts'

describe('severityOf', () => {
  it.each([
    // kind, direction, movement, severity
    ['升降', 'down', 'up', 'high'], // 诉前羁押率 rising
    ['升降', 'down', 'down', 'low'], // 诉前羁押率 falling: an improvement
    ['升降', 'up', 'down', 'high'], // 认罪认罚适用率 falling
    ['升降', 'up', 'up', 'low'],
    ['离群', 'up', 'down', 'high'], // below the peers on a 正向 indicator
    ['季节异常', 'down', 'up', 'high'],
    ['升降', 'range', 'up', 'medium'], // 不捕率: no monotone goal
    ['离群', 'range', 'down', 'medium'],
    ['空白', 'up', null, 'medium'],
    ['空白', 'down', null, 'medium'],
  ] as const)('%s of a %s indicator moving %s is %s', (kind, direction, movement, severity) => {
    expect(severityOf(kind, direction, movement)).toBe(severity)
  })

  it('worsens says which way is bad, and nothing for 区间', () => {
    expect(worsens('down', 'up')).toBe(true)
    expect(worsens('up', 'up')).toBe(false)
    expect(worsens('range', 'up')).toBeNull()
  })

  it('atLeast orders 低 < 中 < 高', () => {
    expect(atLeast('high', 'medium')).toBe(true)
    expect(atLeast('low', 'medium')).toBe(false)
    expect(atLeast('medium', 'medium')).toBe(true)
  })
})
