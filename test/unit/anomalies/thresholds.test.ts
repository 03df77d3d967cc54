/**
 * Detector thresholds (shared/anomalies/model.ts): the defaults follow reports.md §5.4 (rates in
 * 百分点, counts in %, denominators below 10 are 样本过少); workspace defaults and per-indicator
 * overrides apply on top, and the schema refuses nonsense.
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_THRESHOLDS,
  effectiveThresholds,
  thresholdOverridesSchema,
  thresholdsSchema,
} from '../../../shared/anomalies/model.ts'

describe('thresholds', () => {
  it('defaults: 5 个百分点 for rates, 20% for counts, small samples below 10, all four detectors, 同比', () => {
    expect(DEFAULT_THRESHOLDS.changeRate).toBe(5)
    expect(DEFAULT_THRESHOLDS.changeRelative).toBe(20)
    expect(DEFAULT_THRESHOLDS.minSample).toBe(10)
    expect(DEFAULT_THRESHOLDS.kinds).toEqual(['升降', '空白', '离群', '季节异常'])
    expect(DEFAULT_THRESHOLDS.compare).toEqual(['yoy'])
    expect(thresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true)
  })

  it('the workspace defaults apply to every indicator, an indicator override on top', () => {
    const settings = {
      defaults: { changeRate: 3, zPeer: 2 },
      indicators: { 不捕率: { changeRate: 8, compare: ['yoy', 'mom'] as ('yoy' | 'mom')[] } },
    }
    expect(effectiveThresholds(settings).changeRate).toBe(3)
    expect(effectiveThresholds(settings, '不诉率')).toMatchObject({
      changeRate: 3,
      zPeer: 2,
      changeRelative: 20,
    })
    expect(effectiveThresholds(settings, '不捕率')).toMatchObject({
      changeRate: 8,
      zPeer: 2,
      compare: ['yoy', 'mom'],
    })
    expect(effectiveThresholds(undefined, '不捕率')).toEqual(DEFAULT_THRESHOLDS)
  })

  it('never shares the default arrays with a caller that changes its copy', () => {
    const t = effectiveThresholds(undefined)
    t.kinds.pop()
    t.compare.push('mom')
    expect(DEFAULT_THRESHOLDS.kinds).toHaveLength(4)
    expect(DEFAULT_THRESHOLDS.compare).toEqual(['yoy'])
  })

  it('refuses negative thresholds, unknown kinds and an empty comparison', () => {
    expect(thresholdOverridesSchema.safeParse({ changeRate: -1 }).success).toBe(false)
    expect(thresholdOverridesSchema.safeParse({ kinds: ['暴涨'] }).success).toBe(false)
    const empty = thresholdOverridesSchema.safeParse({ compare: [] })
    expect(empty.success).toBe(false)
    expect(empty.error?.issues[0].message).toBe('至少选择同比或环比之一')
  })
})
