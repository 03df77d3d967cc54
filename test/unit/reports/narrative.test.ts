import { describe, expect, it } from 'vitest'
import {
  averagePhrase,
  changeMagnitude,
  changePhrase,
  extremePhrase,
  pairChange,
  pairValues,
  rankPhrase,
  type PairPart,
} from '../../../shared/reports/narrative.ts'
import {
  chineseAmount,
  chineseNumeral,
  headingNumber,
  narrativeValue,
  tableValue,
} from '../../../shared/reports/numbers.ts'
import { levelNoun, peerScope, shortUnitName } from '../../../shared/reports/units.ts'

describe('Chinese numbers', () => {
  it('writes counts in 万 and 亿 from ten thousand up, digits below', () => {
    expect(chineseAmount(9876)).toBe('9876')
    expect(chineseAmount(10_000)).toBe('1万')
    expect(chineseAmount(12_345)).toBe('1.23万')
    expect(chineseAmount(120_000)).toBe('12万')
    expect(chineseAmount(837_000)).toBe('83.7万')
    expect(chineseAmount(123_456_789)).toBe('1.23亿')
    expect(chineseAmount(-15_000)).toBe('-1.5万')
  })

  it('numbers headings as official documents do', () => {
    expect([1, 2, 10, 11, 20, 21].map(chineseNumeral)).toEqual(['一', '二', '十', '十一', '二十', '二十一'])
    expect(headingNumber(1, 6)).toBe('六、')
    expect(headingNumber(2, 3)).toBe('（三）')
    expect(headingNumber(3, 12)).toBe('12.')
    expect(headingNumber(4, 2)).toBe('（2）')
  })

  it('writes values with their unit and decimals per indicator, blank as null (sentences) or — (tables)', () => {
    expect(narrativeValue(23.08, '%', 1)).toBe('23.1%')
    expect(narrativeValue(0.125, '%', 2)).toBe('0.13%')
    expect(narrativeValue(134, '人', 0)).toBe('134人')
    expect(narrativeValue(83_700, '人', 0)).toBe('8.37万人')
    expect(narrativeValue(11.26, '天', 1)).toBe('11.3天')
    expect(narrativeValue(1.5, '比值', 2)).toBe('1.50')
    expect(narrativeValue(null, '%', 1)).toBeNull()
    expect(tableValue(83_700, '人', 0)).toBe('83700人')
    expect(tableValue(null, '%', 1)).toBe('—')
  })
})

describe('change phrases', () => {
  it('counts change in %, rates in 个百分点, with 上升/下降 and 增加/减少', () => {
    expect(changePhrase(12.54, '人', 0)).toBe('同比上升12.5%')
    expect(changePhrase(-50.76, '件', 0)).toBe('同比下降50.8%')
    expect(changePhrase(3.21, '%', 1)).toBe('同比增加3.2个百分点')
    expect(changePhrase(-10.434, '%', 2)).toBe('同比减少10.43个百分点')
    expect(changePhrase(1.5, '‰', 1)).toBe('同比增加1.5个千分点')
    expect(changePhrase(-2, '天', 1, '环比')).toBe('环比下降2.0%')
  })

  it('says 持平 when the change rounds to nothing, and nothing without a base', () => {
    expect(changePhrase(0.04, '%', 1)).toBe('与去年同期持平')
    expect(changePhrase(0.01, '人', 0, '环比')).toBe('与上期持平')
    expect(changePhrase(null, '%', 1)).toBeNull()
    expect(changePhrase(Number.NaN, '%', 1)).toBeNull()
    expect(changeMagnitude(-3.21, '%', 1)).toBe('3.2个百分点')
    expect(changeMagnitude(12.5, '人', 0)).toBe('12.5%')
  })
})

describe('件 and 人 in pairs', () => {
  const part = (value: number | null, change: number | null, unit: '件' | '人'): PairPart => ({
    value,
    change,
    unit,
    precision: 0,
  })

  it('writes the pair cases first, persons second', () => {
    expect(pairValues(part(97, null, '件'), part(134, null, '人'))).toBe('97件134人')
    expect(pairValues(part(15_000, null, '件'), part(21_000, null, '人'))).toBe('1.5万件2.1万人')
    expect(pairValues(part(null, null, '件'), part(134, null, '人'))).toBeNull()
  })

  it('words the changes of a pair by their directions', () => {
    expect(pairChange(part(97, -50.76, '件'), part(134, -64.27, '人'))).toBe(
      '件数和人数分别同比下降50.8%、64.3%',
    )
    expect(pairChange(part(97, 5, '件'), part(134, 5.04, '人'))).toBe('件数和人数均同比上升5.0%')
    expect(pairChange(part(97, 3, '件'), part(134, -2, '人'))).toBe('件数同比上升3.0%，人数同比下降2.0%')
    expect(pairChange(part(97, 0, '件'), part(134, 0.01, '人'))).toBe('件数和人数均与去年同期持平')
    expect(pairChange(part(97, 0, '件'), part(134, 7, '人'))).toBe('件数与去年同期持平，人数同比上升7.0%')
    expect(pairChange(part(97, null, '件'), part(134, 7, '人'))).toBe('人数同比上升7.0%')
    expect(pairChange(part(97, null, '件'), part(134, null, '人'))).toBeNull()
  })
})

describe('ranks, averages and superlatives', () => {
  it('ranks best first by direction, only among at least two peers', () => {
    expect(rankPhrase(2, 11, '全市', '基层院', 'up')).toBe('在全市11个基层院中由高到低排第2位')
    expect(rankPhrase(1, 13, '全省', '市院', 'down')).toBe('在全省13个市院中由低到高排第1位')
    expect(rankPhrase(null, 11, '全市', '基层院', 'up')).toBeNull()
    expect(rankPhrase(1, 1, '全市', '基层院', 'up')).toBeNull()
    expect(rankPhrase(1, 13, null, '省院', 'up')).toBeNull()
  })

  it('compares rates with the average in 个百分点, counts in %', () => {
    expect(averagePhrase(27.5, 24.3, '%', 1, '全市')).toBe('高于全市平均水平3.2个百分点')
    expect(averagePhrase(80, 100, '人', 0, '全省')).toBe('低于全省平均水平20.0%')
    expect(averagePhrase(24.31, 24.3, '%', 1, '全市')).toBe('与全市平均水平持平')
    expect(averagePhrase(5, 0, '人', 0, '全市')).toBeNull()
    expect(averagePhrase(null, 3, '%', 1, '全市')).toBeNull()
    expect(averagePhrase(5, 3, '%', 1, null)).toBeNull()
  })

  it('claims 近三年最高/最低 only when every year has a figure and the current one is strictly beyond them', () => {
    expect(extremePhrase([30.2, 28.1, 25], 1, true)).toBe('为近三年同期最高')
    expect(extremePhrase([20, 28.1, 25], 1, false)).toBe('为近三年最低')
    expect(extremePhrase([28, 28.1, 25], 1, true)).toBeNull()
    // Equal at the precision written: not a record.
    expect(extremePhrase([28.14, 28.1, 25], 1, true)).toBeNull()
    expect(extremePhrase([30.2, null, 25], 1, true)).toBeNull()
    expect(extremePhrase([30.2, 28.1], 1, true)).toBeNull()
    expect(extremePhrase([31, 30, 29, 28], 0, false)).toBe('为近四年最高')
  })
})

describe('unit names', () => {
  const city = { name: '南京市人民检察院', level: 'city' as const }
  it('shortens names as reports do', () => {
    expect(shortUnitName({ name: '南京市玄武区人民检察院', level: 'county' }, city)).toBe('玄武区院')
    expect(shortUnitName(city, { name: '江苏省人民检察院', level: 'province' })).toBe('南京市院')
    expect(shortUnitName({ name: '江苏省人民检察院', level: 'province' })).toBe('江苏省院')
    expect(shortUnitName({ name: '全部单位', level: 'province' })).toBe('全部单位')
    expect(levelNoun('county')).toBe('基层院')
    expect(peerScope(city)).toBe('全市')
    expect(peerScope({ name: '江苏省人民检察院', level: 'province' })).toBe('全省')
    expect(peerScope(null)).toBeNull()
  })
})
