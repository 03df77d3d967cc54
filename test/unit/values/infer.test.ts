import { describe, expect, it } from 'vitest'
import { inferType } from '../../../shared/values/infer.ts'

const repeat = (values: string[], times: number): string[] =>
  Array.from({ length: times }, () => values).flat()

describe('inferType', () => {
  it('recognises integers, decimals and dates', () => {
    expect(inferType(['1', '2', '30', '4', '5,000'])).toBe('integer')
    expect(inferType(['1', '2.5', '3', '4.25', '5'])).toBe('decimal')
    expect(inferType(['12.5万元', '3万元', '0.5万元', '8万元', '1万元'])).toBe('decimal')
    expect(inferType(['2024-01-05', '2024/1/6', '2024年1月7日', '2024-02-01', '2024-03-01'])).toBe('date')
  })

  it('tolerates up to 2% unparseable values', () => {
    const values = [...repeat(['1', '2', '3', '4', '5'], 20)] // 100 integers
    expect(inferType([...values.slice(0, 98), 'x', 'y'])).toBe('integer')
    expect(inferType([...values.slice(0, 97), 'x', 'y', 'z'])).not.toBe('integer')
  })

  it('ignores empty cells and blank markers when measuring the share', () => {
    expect(inferType(['1', '', '2', '—', '3', '', '4', '/', '5'])).toBe('integer')
  })

  it('keeps mostly empty columns as text', () => {
    expect(inferType(['', '', '', '1', ''])).toBe('text')
    expect(inferType(['', '', ''])).toBe('text')
    expect(inferType([])).toBe('text')
  })

  it('recognises yes/no columns, but not bare 0/1 counts', () => {
    expect(inferType(repeat(['是', '否'], 10))).toBe('boolean')
    expect(inferType(repeat(['Y', 'N', '1'], 10))).toBe('boolean')
    expect(inferType(repeat(['0', '1'], 10))).toBe('integer')
    expect(inferType(repeat(['0', '1'], 10), '是否涉外案件')).toBe('boolean')
  })

  it('recognises short closed vocabularies as code', () => {
    expect(inferType(repeat(['批准逮捕', '不批准逮捕', '不予决定逮捕'], 20))).toBe('code')
    expect(inferType(repeat(['男', '女'], 25))).toBe('code')
    // too few samples to tell a vocabulary from free text
    expect(inferType(repeat(['男', '女'], 10))).toBe('text')
    // too many distinct values
    expect(inferType(Array.from({ length: 60 }, (_, i) => `张${i}`))).toBe('text')
  })

  it('keeps identifiers as text', () => {
    expect(inferType(['00123', '00124', '00125', '00126', '00127'])).toBe('text')
    expect(
      inferType([
        '320102199001011234',
        '32010219900101123X',
        '320102199001011235',
        '320102199001011236',
        '320102199001011237',
      ]),
    ).toBe('text')
    expect(
      inferType([
        '123456789012345678',
        '123456789012345679',
        '123456789012345670',
        '123456789012345671',
        '123456789012345672',
      ]),
    ).toBe('text')
    expect(inferType(['1', '2', '3', '4', '5'], '嫌疑人编号')).toBe('text')
    expect(inferType(['20240105', '20240106', '20240107', '20240108', '20240109'], '身份证号')).toBe('text')
  })

  it('reads bare 8-digit numbers and serials as dates only under a date-like header', () => {
    const compact = ['20240105', '20240106', '20240107', '20240108', '20240109']
    expect(inferType(compact)).toBe('integer')
    expect(inferType(compact, '立案日期')).toBe('date')
    expect(inferType(['45292', '45293', '45294', '45295', '45296'])).toBe('integer')
    expect(inferType(['45292', '45293', '45294', '45295', '45296'], '判决日期')).toBe('date')
  })

  it('lets a date-like header win with fewer values and a lower share', () => {
    expect(inferType(['2024-01-05', '', ''], '审结日期')).toBe('date')
    expect(inferType([...repeat(['2024-01-05'], 9), '不详'], '审结日期')).toBe('date')
  })

  it('normalises full-width input before deciding', () => {
    expect(inferType(['１', '２', '３', '４', '５'])).toBe('integer')
  })

  it('falls back to text for free text', () => {
    expect(
      inferType(['张某盗窃案', '李某诈骗案', '王某故意伤害案', '赵某危险驾驶案', '钱某寻衅滋事案']),
    ).toBe('text')
  })
})
