import { describe, expect, it } from 'vitest'
import {
  isConflicting,
  mergeRecordFields,
  suspectName,
} from '../../../../renderer/src/pages/quality/highlight.ts'

describe('conflict highlight', () => {
  it('is decided by the row’s own rule fields', () => {
    expect(isConflicting({ fields: ['受理日期', '审结日期'] }, '审结日期')).toBe(true)
    expect(isConflicting({ fields: ['前科'] }, '审结日期')).toBe(false)
    expect(isConflicting(undefined, '审结日期')).toBe(false)
  })
})

describe('mergeRecordFields', () => {
  it('appends new fields in record order, skipping internal keys and the fixed columns', () => {
    const rows = [
      {
        record: {
          _id: 1,
          部门受案号: 'A',
          嫌疑人姓名: '张三',
          受理日期: '2024-01-02',
          审结日期: '2024-01-01',
        },
      },
      { record: { 受理日期: '2024-01-03', 前科: '无' } },
    ]
    expect(mergeRecordFields([], rows)).toEqual(['受理日期', '审结日期', '前科'])
  })

  it('returns the same array when nothing is new, so state does not change', () => {
    const known = ['受理日期']
    expect(mergeRecordFields(known, [{ record: { 受理日期: 'x' } }])).toBe(known)
    expect(mergeRecordFields(known, [{ record: { 审结日期: 'x' } }])).toEqual(['受理日期', '审结日期'])
  })
})

describe('suspectName', () => {
  it('reads the name under the headers exports use', () => {
    expect(suspectName({ 嫌疑人姓名: '李四' })).toBe('李四')
    expect(suspectName({ 姓名: '王五' })).toBe('王五')
    expect(suspectName({})).toBe('')
    expect(suspectName(undefined)).toBe('')
  })
})
