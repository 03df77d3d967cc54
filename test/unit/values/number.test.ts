import { describe, expect, it } from 'vitest'
import { isBlankMarker, parseNumber } from '../../../shared/values/number.ts'

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['-12', -12],
    ['+12', 12],
    ['007', 7],
    ['12.5', 12.5],
    ['-0.25', -0.25],
    ['.5', 0.5],
    ['5.', 5],
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['12,345,678.90', 12345678.9],
    ['１２３', 123],
    ['１２．５', 12.5],
    ['－３', -3],
    [' 42 ', 42],
    ['\u300042\u3000', 42],
    ['12.5万元', 12.5],
    ['12.5 万元', 12.5],
    ['300元', 300],
    ['3人', 3],
    ['2件', 2],
    ['15天', 15],
    ['6个月', 6],
    ['17岁', 17],
    ['12.5%', 12.5],
    ['12.5％', 12.5],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
    ['123456789012345', 123456789012345],
    ['-0', 0],
  ])('%j → %s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })

  it('never returns -0', () => {
    expect(Object.is(parseNumber('-0'), 0)).toBe(true)
    expect(Object.is(parseNumber('-0.0'), 0)).toBe(true)
  })

  it('reads 万元 amounts as written, without rescaling', () => {
    expect(parseNumber('12.5')).toBe(12.5)
    expect(parseNumber('12.5万元')).toBe(12.5)
  })

  it.each([
    '',
    ' ',
    'abc',
    '12abc',
    '1,2',
    '12,34',
    '1,2345',
    ',123',
    '1.2.3',
    '--1',
    '3年',
    '12万',
    '十二',
    '万元',
    '%',
    'e5',
    '1e',
    'Infinity',
    'NaN',
    '1e400',
    '—',
    '-',
    '/',
    '无',
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull()
  })
})

describe('isBlankMarker', () => {
  it.each(['—', '——', '-', '--', '－', '/', '／', '无', ' — ', '\u3000/\u3000'])('%j is blank', (text) => {
    expect(isBlankMarker(text)).toBe(true)
  })
  it.each(['', '0', '否', '无罪', 'a', '-1'])('%j is not', (text) => {
    expect(isBlankMarker(text)).toBe(false)
  })
})
