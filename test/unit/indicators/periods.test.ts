/**
 * Periods of indicator figures (shared/indicators/period.ts) and the display of figures and changes
 * (shared/indicators/format.ts): every accepted form, the Chinese messages for bad ones, 同比 / 环比
 * windows across year ends, leap Februaries, and rates changing in 百分点 while counts change in %.
 */
import { describe, expect, it } from 'vitest'
import {
  changeBetween,
  changeUnitOf,
  formatChange,
  formatIndicatorValue,
} from '../../../shared/indicators/format.ts'
import {
  monthIndex,
  monthIndexOfDate,
  monthKey,
  monthsOf,
  momWindow,
  parsePeriod,
  periodOfWindow,
  windowDates,
  yoyWindow,
  type Period,
} from '../../../shared/indicators/period.ts'

function period(text: string): Period {
  const parsed = parsePeriod(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.period
}
const span = (p: Period) => `${monthKey(p.from)}..${monthKey(p.to)}`

describe('parsePeriod', () => {
  it.each([
    ['2024', '2024', '2024年', '2024-01..2024-12'],
    ['2024H1', '2024H1', '2024年上半年', '2024-01..2024-06'],
    ['2024H2', '2024H2', '2024年下半年', '2024-07..2024-12'],
    ['2024h2', '2024H2', '2024年下半年', '2024-07..2024-12'],
    ['2024Ｈ1', '2024H1', '2024年上半年', '2024-01..2024-06'],
    ['2024Q1', '2024Q1', '2024年第一季度', '2024-01..2024-03'],
    ['2024q3', '2024Q3', '2024年第三季度', '2024-07..2024-09'],
    ['2024Ｑ4', '2024Q4', '2024年第四季度', '2024-10..2024-12'],
    ['2024-07', '2024-07', '2024年7月', '2024-07..2024-07'],
    ['2024-7', '2024-07', '2024年7月', '2024-07..2024-07'],
    ['2024－07', '2024-07', '2024年7月', '2024-07..2024-07'],
    [' 2024-02 ', '2024-02', '2024年2月', '2024-02..2024-02'],
    ['2024-01..2024-09', '2024-01..2024-09', '2024年1至9月', '2024-01..2024-09'],
    ['2024-1..2024-9', '2024-01..2024-09', '2024年1至9月', '2024-01..2024-09'],
    ['2024-01至2024-09', '2024-01..2024-09', '2024年1至9月', '2024-01..2024-09'],
    ['2024-01 ~ 2024-09', '2024-01..2024-09', '2024年1至9月', '2024-01..2024-09'],
    ['2024-01～2024-09', '2024-01..2024-09', '2024年1至9月', '2024-01..2024-09'],
    ['2023-11..2024-02', '2023-11..2024-02', '2023年11月至2024年2月', '2023-11..2024-02'],
    ['2024-05..2024-05', '2024-05..2024-05', '2024年5月', '2024-05..2024-05'],
    ['2015-01..2024-12', '2015-01..2024-12', '2015年1月至2024年12月', '2015-01..2024-12'],
  ])('%s', (input, text, label, months) => {
    const p = period(input)
    expect({ text: p.text, label: p.label, months: span(p) }).toEqual({ text, label, months })
  })

  it.each([
    ['', '无法识别'],
    ['abc', '无法识别'],
    ['2024年', '无法识别'],
    ['24Q1', '无法识别'],
    ['2024Q5', '无法识别'],
    ['2024Q0', '无法识别'],
    ['2024H3', '无法识别'],
    ['2024-13', '不是有效的月份'],
    ['2024-00', '不是有效的月份'],
    ['1989', '的年份超出范围'],
    ['2101Q1', '的年份超出范围'],
    ['2101H1', '的年份超出范围'],
    ['1989-12', '不是有效的月份'],
    ['2024-01..2024-13', '含有无效的月份'],
    ['2024-09..2024-01', '的结束月份早于开始月份'],
    ['2014-01..2024-01', '跨度超过十年'],
    ['2024-01..', '无法识别'],
  ])('rejects “%s” in Chinese, naming the input and the accepted forms', (input, why) => {
    const parsed = parsePeriod(input)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.message).toContain(`期间“${input}”${why}`)
    expect(parsed.message).toContain(
      '期间格式：2024（年）、2024H1（半年）、2024Q3（季度）、2024-07（月）或 2024-01..2024-09（累计）',
    )
  })
})

describe('同比 and 环比 windows', () => {
  const yoy = (text: string) => periodOfWindow(yoyWindow(period(text))).text
  const mom = (text: string) => periodOfWindow(momWindow(period(text))).text

  it.each([
    ['2024-01', '2023-01', '2023-12'],
    ['2024-03', '2023-03', '2024-02'],
    ['2024Q1', '2023Q1', '2023Q4'],
    ['2024Q3', '2023Q3', '2024Q2'],
    ['2024H1', '2023H1', '2023H2'],
    ['2024H2', '2023H2', '2024H1'],
    ['2024', '2023', '2023'],
    ['2024-01..2024-09', '2023-01..2023-09', '2023-04..2023-12'],
    ['2023-11..2024-02', '2022-11..2023-02', '2023-07..2023-10'],
    ['2024-07..2024-09', '2023Q3', '2024Q2'],
  ])('%s: 同比 %s, 环比 %s', (text, year, before) => {
    expect(yoy(text)).toBe(year)
    expect(mom(text)).toBe(before)
  })

  it('windows are whole calendar months, leap Februaries included', () => {
    expect(windowDates(period('2024-02'))).toEqual({ first: '2024-02-01', last: '2024-02-29' })
    expect(windowDates(period('2023-02'))).toEqual({ first: '2023-02-01', last: '2023-02-28' })
    expect(windowDates(period('2100-02'))).toEqual({ first: '2100-02-01', last: '2100-02-28' })
    expect(windowDates(period('2000-02'))).toEqual({ first: '2000-02-01', last: '2000-02-29' })
    expect(windowDates(period('2024Q4'))).toEqual({ first: '2024-10-01', last: '2024-12-31' })
    expect(windowDates(period('2023-11..2024-02'))).toEqual({ first: '2023-11-01', last: '2024-02-29' })
    expect(monthIndexOfDate('2024-02-29')).toBe(monthIndex(2024, 2))
    expect(monthIndexOfDate('2023-12-31') + 1).toBe(monthIndexOfDate('2024-01-01'))
    expect(monthsOf(period('2023-11..2024-02')).map(monthKey)).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ])
  })
})

describe('display of figures and changes', () => {
  it('rounds half up once, at display; an undefined figure is —', () => {
    expect(formatIndicatorValue(34.25, '%', 1)).toBe('34.3%')
    expect(formatIndicatorValue(34.249, '%', 1)).toBe('34.2%')
    expect(formatIndicatorValue(19.65, '%', 1)).toBe('19.7%')
    expect(formatIndicatorValue(1234, '人', 0)).toBe('1,234人')
    expect(formatIndicatorValue(2.5, '件', 0)).toBe('3件')
    expect(formatIndicatorValue(1.875, '比值', 2)).toBe('1.88')
    expect(formatIndicatorValue(null, '%', 1)).toBe('—')
    expect(formatIndicatorValue(Number.NaN, '%', 1)).toBe('—')
    expect(formatIndicatorValue(Number.POSITIVE_INFINITY, '天', 1)).toBe('—')
  })

  it('rates change in 百分点 (‰ in 千分点), counts, days and ratios in %', () => {
    expect(changeUnitOf('%')).toBe('百分点')
    expect(changeUnitOf('‰')).toBe('千分点')
    for (const unit of ['件', '人', '天', '比值'] as const) expect(changeUnitOf(unit)).toBe('%')
    expect(changeBetween(37.5, 25, '%')).toBe(12.5)
    expect(changeBetween(25, 50, '%')).toBe(-25)
    expect(changeBetween(8, 2, '件')).toBe(300)
    expect(changeBetween(2, 8, '人')).toBe(-75)
    expect(changeBetween(-2, -4, '比值')).toBe(50)
    expect(changeBetween(5, 0, '件')).toBeNull()
    expect(changeBetween(5, 0, '%')).toBe(5)
    expect(changeBetween(null, 25, '%')).toBeNull()
    expect(changeBetween(25, null, '件')).toBeNull()
    expect(formatChange(2.345, '百分点', 1)).toBe('+2.3个百分点')
    expect(formatChange(-12.5, '%', 1)).toBe('-12.5%')
    expect(formatChange(0, '百分点', 1)).toBe('0.0个百分点')
    expect(formatChange(-0.04, '百分点', 1)).toBe('0.0个百分点') // no “-0.0”
    expect(formatChange(null, '%', 1)).toBe('—')
  })
})
