import { describe, expect, it } from 'vitest'
import { DEFAULT_THRESHOLDS } from '../../../shared/anomalies/model.ts'
import { formOf, overridesOf, readForm, toggleIn } from '../../../renderer/src/pages/alerts/thresholdForm.ts'

describe('thresholds form', () => {
  it('round-trips thresholds through the form', () => {
    const read = readForm(formOf(DEFAULT_THRESHOLDS))
    expect(read).toEqual({ ok: true, value: DEFAULT_THRESHOLDS })
  })

  it('explains a value that is not allowed, naming the field', () => {
    const form = formOf(DEFAULT_THRESHOLDS)
    expect(readForm({ ...form, numbers: { ...form.numbers, zPeer: 'abc' } })).toEqual({
      ok: false,
      field: 'zPeer',
      message: '“离群阈值（稳健z值）”须为数字',
    })
    expect(readForm({ ...form, numbers: { ...form.numbers, zPeer: '-1' } })).toMatchObject({
      ok: false,
      field: 'zPeer',
      message: '“离群阈值（稳健z值）”不能小于 0',
    })
    expect(readForm({ ...form, numbers: { ...form.numbers, minSample: '2.5' } })).toMatchObject({
      ok: false,
      message: '“最小样本量”须为整数',
    })
    expect(readForm({ ...form, compare: [] })).toMatchObject({
      ok: false,
      field: 'compare',
      message: '至少选择同比或环比之一',
    })
  })

  it('saves only what differs from the level below', () => {
    expect(overridesOf(DEFAULT_THRESHOLDS, DEFAULT_THRESHOLDS)).toEqual({})
    expect(
      overridesOf(
        {
          ...DEFAULT_THRESHOLDS,
          changeRate: 3,
          kinds: ['离群', '升降', '空白', '季节异常'],
          compare: ['yoy', 'mom'],
        },
        DEFAULT_THRESHOLDS,
      ),
    ).toEqual({ changeRate: 3, compare: ['yoy', 'mom'] })
  })

  it('toggles a choice keeping the canonical order', () => {
    expect(toggleIn(['b'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'b'])
    expect(toggleIn(['a', 'b'], 'a', ['a', 'b', 'c'])).toEqual(['b'])
  })
})
