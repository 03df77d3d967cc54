import { describe, expect, it } from 'vitest'
import {
  dayNumber,
  excelSerialToDate,
  fromDayNumber,
  isValidYmd,
  parseDate,
} from '../../../shared/values/date.ts'

describe('parseDate formats', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024/01/05', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024年01月05日', '2024-01-05'],
    ['2024年1月5号', '2024-01-05'],
    ['2024年1月5', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-01-05 00:00:00', '2024-01-05'],
    ['2024-01-05T00:00:00', '2024-01-05'],
    ['2024-01-05 23:59:59.999', '2024-01-05'],
    ['2024/1/5 8:30', '2024-01-05'],
    ['20240105 12:00', '2024-01-05'],
    [' 2024-01-05 ', '2024-01-05'],
    ['２０２４－０１－０５', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['\u30002024/1/5\u3000', '2024-01-05'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected)
  })

  it('converts instants with an explicit offset to China Standard Time', () => {
    // Beijing midnight stored as UTC is the previous day at 16:00Z.
    expect(parseDate('2024-01-04T16:00:00.000Z')).toBe('2024-01-05')
    expect(parseDate('2024-01-05T00:00:00+08:00')).toBe('2024-01-05')
    expect(parseDate('2024-01-05T10:00:00Z')).toBe('2024-01-05')
    expect(parseDate('2024-12-31T16:00:00Z')).toBe('2025-01-01')
    expect(parseDate('2024-01-05T20:00:00-05:00')).toBe('2024-01-06')
  })

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-04-31',
    '20241301',
    '2024年2月30日',
    '0000-01-01',
  ])('rejects the impossible date %s', (text) => {
    expect(parseDate(text)).toBeNull()
  })

  it.each([
    '',
    '   ',
    'abc',
    '2024',
    '2024-01',
    '2024-1-5-',
    '2024-01/05',
    '2024年1-5',
    '2024-01-05x',
    '2024-01-05 25:00',
    '2024-01-05 8',
    '05/01/2024',
    '1/5/2024',
    '12345678901',
    '2024-01-05T00:00:00Q',
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeNull()
  })

  it('accepts leap days only in leap years', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    expect(parseDate('2000-02-29')).toBe('2000-02-29')
    expect(parseDate('1900-02-29')).toBeNull()
    expect(parseDate('2100-02-29')).toBeNull()
  })
})

describe('Excel serial dates', () => {
  it('honours the 1900 leap-year bug', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01')
    expect(excelSerialToDate(59)).toBe('1900-02-28')
    expect(excelSerialToDate(60)).toBeNull()
    expect(excelSerialToDate(61)).toBe('1900-03-01')
    expect(excelSerialToDate(45292)).toBe('2024-01-01')
    expect(excelSerialToDate(2958465)).toBe('9999-12-31')
  })

  it('drops a time fraction and rejects out-of-range serials', () => {
    expect(excelSerialToDate(45292.99)).toBe('2024-01-01')
    expect(excelSerialToDate(0)).toBeNull()
    expect(excelSerialToDate(-1)).toBeNull()
    expect(excelSerialToDate(2958466)).toBeNull()
    expect(excelSerialToDate(Number.NaN)).toBeNull()
  })

  it('reads serials from text only in the plausible window by default', () => {
    expect(parseDate('45292')).toBe('2024-01-01')
    expect(parseDate('45292.5')).toBe('2024-01-01')
    expect(parseDate('４５２９２')).toBe('2024-01-01')
    expect(parseDate('18264')).toBe('1950-01-01')
    expect(parseDate('73415')).toBe('2100-12-31')
    expect(parseDate('18263')).toBeNull()
    expect(parseDate('73416')).toBeNull()
    expect(parseDate('1')).toBeNull()
    expect(parseDate('320102')).toBeNull()
  })

  it('reads any serial when asked, and none when told not to', () => {
    expect(parseDate('1', { serials: 'any' })).toBe('1900-01-01')
    expect(parseDate('59', { serials: 'any' })).toBe('1900-02-28')
    expect(parseDate('60', { serials: 'any' })).toBeNull()
    expect(parseDate('61', { serials: 'any' })).toBe('1900-03-01')
    expect(parseDate('45292', { serials: 'none' })).toBeNull()
    expect(parseDate('2024-01-05', { serials: 'none' })).toBe('2024-01-05')
  })
})

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('1969-12-31')).toBe(-1)
    expect(dayNumber('2024-01-01')).toBe(19723)
    expect(dayNumber('1899-12-30')).toBe(-25569)
    expect(fromDayNumber(19723)).toBe('2024-01-01')
    expect(fromDayNumber(-719162)).toBe('0001-01-01')
  })

  it('round-trips every day between 1899 and 2101', () => {
    let day = dayNumber('1899-01-01')
    const last = dayNumber('2101-12-31')
    let previous = ''
    for (; day <= last; day++) {
      const text = fromDayNumber(day)
      if (!(text > previous)) throw new Error(`${text} after ${previous}`)
      if (dayNumber(text) !== day) throw new Error(`${text} ≠ ${day}`)
      if (parseDate(text) !== text) throw new Error(`parseDate(${text})`)
      previous = text
    }
  })

  it('subtracts as calendar days across DST and leap years', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2)
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1)
    expect(dayNumber('2024-03-11') - dayNumber('2024-03-10')).toBe(1)
    expect(dayNumber('2025-01-01') - dayNumber('2024-01-01')).toBe(366)
  })

  it('throws on non-canonical input', () => {
    expect(() => dayNumber('2024/1/5')).toThrow(RangeError)
    expect(() => dayNumber('2024-02-30')).toThrow(RangeError)
  })

  it('validates y-m-d', () => {
    expect(isValidYmd(2024, 2, 29)).toBe(true)
    expect(isValidYmd(2023, 2, 29)).toBe(false)
    expect(isValidYmd(2024, 13, 1)).toBe(false)
    expect(isValidYmd(2024, 4, 31)).toBe(false)
    expect(isValidYmd(0, 1, 1)).toBe(false)
    expect(isValidYmd(2024, 1.5, 1)).toBe(false)
  })
})
