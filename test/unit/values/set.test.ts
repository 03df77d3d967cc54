import { describe, expect, it } from 'vitest'
import { parseSet, splitSet } from '../../../shared/values/set.ts'

describe('splitSet (lists)', () => {
  it('splits on 、，,;； and line breaks', () => {
    expect(splitSet('累犯、自首，坦白,从犯;胁从犯；立功\n主犯')).toEqual([
      '累犯',
      '自首',
      '坦白',
      '从犯',
      '胁从犯',
      '立功',
      '主犯',
    ])
  })

  it('trims items, drops empty ones and de-duplicates in order', () => {
    expect(splitSet(' 累犯 、、自首 ， 累犯 ,')).toEqual(['累犯', '自首'])
    expect(splitSet('、，')).toEqual([])
    expect(splitSet('')).toEqual([])
  })

  it('normalises full-width letters and digits in items', () => {
    expect(splitSet('Ａ类，Ｂ类')).toEqual(['A类', 'B类'])
  })

  it('keeps separators inside brackets', () => {
    expect(splitSet('从犯（胁从、教唆），自首')).toEqual(['从犯（胁从、教唆）', '自首'])
  })
})

describe('splitSet (charges)', () => {
  it('keeps 、 inside charge names', () => {
    expect(splitSet('走私、贩卖、运输、制造毒品罪', 'charges')).toEqual(['走私、贩卖、运输、制造毒品罪'])
    expect(splitSet('盗窃罪,走私、贩卖、运输、制造毒品罪,诈骗罪', 'charges')).toEqual([
      '盗窃罪',
      '走私、贩卖、运输、制造毒品罪',
      '诈骗罪',
    ])
  })

  it('splits on 、 after a complete name', () => {
    expect(splitSet('盗窃罪、诈骗罪、武装叛乱、暴乱罪', 'charges')).toEqual([
      '盗窃罪',
      '诈骗罪',
      '武装叛乱、暴乱罪',
    ])
  })

  it('keeps annotated names whole', () => {
    expect(
      splitSet(
        '侵犯公民个人信息罪（原出售、非法提供公民个人信息罪和非法获取公民个人信息罪）,盗窃罪',
        'charges',
      ),
    ).toEqual(['侵犯公民个人信息罪（原出售、非法提供公民个人信息罪和非法获取公民个人信息罪）', '盗窃罪'])
  })
})

describe('parseSet', () => {
  it('stores a JSON array, or null when empty', () => {
    expect(parseSet('累犯、自首')).toBe('["累犯","自首"]')
    expect(parseSet(' , ')).toBeNull()
    expect(JSON.parse(parseSet('盗窃罪，盗窃罪', 'charges')!)).toEqual(['盗窃罪'])
  })
})
