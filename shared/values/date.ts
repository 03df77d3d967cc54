/**
 * Calendar dates as 'YYYY-MM-DD' text and integer day numbers.
 *
 * 受理日期 / 审结日期 have no time and no time zone (DESIGN "Dates are calendar dates"), so nothing
 * here touches `Date`: a Date at local midnight shifts by a day between UTC build machines and
 * UTC+8 analyst machines. All arithmetic is integer days-from-civil (H. Hinnant's algorithm), which
 * gives identical results under any TZ.
 */
import { digitValue, isSpaceCode } from './width.ts'

/** Day number of 1899-12-30, the origin Excel serials count from (after the fake 1900-02-29). */
const EXCEL_EPOCH_DAY = -25569
/** Largest serial Excel accepts: 9999-12-31. */
export const EXCEL_MAX_SERIAL = 2958465
/** Serials of 1950-01-01 and 2100-12-31: outside this window a bare number is more likely a code. */
const PLAUSIBLE_MIN_SERIAL = 18264
const PLAUSIBLE_MAX_SERIAL = 73415
/** China Standard Time has been UTC+8 without DST since 1991; used only for explicit-offset stamps. */
const CHINA_OFFSET_MINUTES = 480

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** True when y-m-d is a real Gregorian date with a four-digit year (1–9999). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** Days since 1970-01-01 for a valid y-m-d (proleptic Gregorian). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/**
 * Day number (days since 1970-01-01) of a canonical 'YYYY-MM-DD' date.
 * Throws RangeError for anything else: stored dates are canonical, so a bad one is a bug.
 *
 * @example dayNumber('1970-01-02') === 1
 */
export function dayNumber(ymd: string): number {
  const parts = readCanonical(ymd)
  if (parts < 0) throw new RangeError(`不是有效日期：${ymd}`)
  return dayNumberOf(Math.floor(parts / 10000), Math.floor(parts / 100) % 100, parts % 100)
}

/** Inverse of {@link dayNumber}. @example fromDayNumber(19723) === '2024-01-01' */
export function fromDayNumber(days: number): string {
  const z = Math.floor(days) + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return formatYmd(year, month, day)
}

export function formatYmd(year: number, month: number, day: number): string {
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year)
  return `${y}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/**
 * Excel serial → date, honouring the 1900 leap-year bug: serial 60 is the non-existent 1900-02-29
 * (→ null), 1–59 are 1900-01-01…1900-02-28, 61 is 1900-03-01. A time fraction is dropped.
 *
 * @example excelSerialToDate(45292) === '2024-01-01'
 */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null
  const whole = Math.floor(serial)
  if (whole < 1 || whole > EXCEL_MAX_SERIAL || whole === 60) return null
  return fromDayNumber(whole < 60 ? EXCEL_EPOCH_DAY + whole + 1 : EXCEL_EPOCH_DAY + whole)
}

export interface ParseDateOptions {
  /**
   * Bare numbers as Excel serials: 'none' never; 'plausible' (default) only for 1950–2100, so codes
   * in a date column are not silently read as dates; 'any' for the whole range 1–2958465.
   * Only pass anything but 'none' for fields typed date.
   */
  serials?: 'none' | 'plausible' | 'any'
}

/**
 * Reads a calendar date from cell text → 'YYYY-MM-DD', or null when it is not a real date.
 *
 * Accepts 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, a trailing time of day
 * ('2024-01-05 00:00:00', '2024-01-05T08:30'), full-width digits and Excel serials (see options).
 * A time with an explicit UTC offset ('…T16:00:00Z') is an instant: it is converted to China
 * Standard Time before its date is taken, because such stamps come from systems that stored
 * Beijing midnight as UTC.
 *
 * @example parseDate('2024年1月5日') === '2024-01-05'
 * @example parseDate('2023-02-29') === null
 */
export function parseDate(text: string, options?: ParseDateOptions): string | null {
  // Fast path: already canonical (the common case for xlsx date cells).
  if (text.length === 10) {
    const parts = readCanonical(text)
    if (parts >= 0) return text
  }
  let start = 0
  let end = text.length
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--
  if (start === end) return null

  const scan = new Scanner(text, start, end)
  const firstStart = scan.pos
  const first = scan.digits(8)
  const firstLength = scan.pos - firstStart
  if (firstLength === 0) return null

  let year: number
  let month: number
  let day: number
  if (firstLength === 8 && !scan.isDigitAhead()) {
    // 20240105
    year = Math.floor(first / 10000)
    month = Math.floor(first / 100) % 100
    day = first % 100
  } else if (firstLength === 4 && !scan.done() && isDateSeparator(scan.code())) {
    const separator = normaliseSeparator(scan.code())
    scan.pos++
    year = first
    const monthStart = scan.pos
    month = scan.digits(2)
    if (scan.pos === monthStart || scan.done()) return null
    const second = normaliseSeparator(scan.code())
    if (separator === YEAR_MARK ? second !== MONTH_MARK : second !== separator) return null
    scan.pos++
    const dayStart = scan.pos
    day = scan.digits(2)
    if (scan.pos === dayStart) return null
    if (separator === YEAR_MARK && !scan.done() && (scan.code() === 0x65e5 || scan.code() === 0x53f7))
      scan.pos++ // 日 / 号
  } else {
    return parseSerial(text, start, end, options?.serials ?? 'plausible')
  }
  if (!isValidYmd(year, month, day)) return null
  if (scan.done()) return formatYmd(year, month, day)
  const shift = readTimeShift(scan)
  if (shift === null) return null
  return shift === 0 ? formatYmd(year, month, day) : fromDayNumber(dayNumberOf(year, month, day) + shift)
}

const YEAR_MARK = 0x5e74 // 年
const MONTH_MARK = 0x6708 // 月

function isDateSeparator(code: number): boolean {
  return normaliseSeparator(code) !== -1
}

/** '-', '/', '.', their full-width forms and 年 → a canonical code; -1 if not a separator. */
function normaliseSeparator(code: number): number {
  switch (code) {
    case 0x2d:
    case 0xff0d:
      return 0x2d
    case 0x2f:
    case 0xff0f:
      return 0x2f
    case 0x2e:
    case 0xff0e:
      return 0x2e
    case YEAR_MARK:
      return YEAR_MARK
    case MONTH_MARK:
      return MONTH_MARK
    default:
      return -1
  }
}

/** Cursor over a trimmed slice of a string; avoids regex and substring allocation. */
class Scanner {
  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}
  done(): boolean {
    return this.pos >= this.end
  }
  code(): number {
    return this.text.charCodeAt(this.pos)
  }
  isDigitAhead(): boolean {
    return !this.done() && digitValue(this.code()) >= 0
  }
  /** Reads up to `max` digits and returns their value (0 when none were read). */
  digits(max: number): number {
    let value = 0
    let count = 0
    while (count < max && !this.done()) {
      const digit = digitValue(this.code())
      if (digit < 0) break
      value = value * 10 + digit
      this.pos++
      count++
    }
    return value
  }
}

/**
 * Validates a time of day after the date ('T08:30', ' 0:00:00.000', 'T16:00:00Z', '+08:00') and
 * returns the day shift to apply (non-zero only with an explicit UTC offset), or null if malformed.
 */
function readTimeShift(scan: Scanner): number | null {
  const gap = scan.code()
  if (gap !== 0x54 /* T */ && !isSpaceCode(gap)) return null
  scan.pos++
  while (!scan.done() && isSpaceCode(scan.code())) scan.pos++
  const hourStart = scan.pos
  const hour = scan.digits(2)
  if (scan.pos === hourStart || hour > 24 || scan.done() || scan.code() !== 0x3a) return null
  scan.pos++
  const minuteStart = scan.pos
  const minute = scan.digits(2)
  if (scan.pos - minuteStart !== 2 || minute > 59) return null
  if (!scan.done() && scan.code() === 0x3a) {
    scan.pos++
    const secondStart = scan.pos
    const second = scan.digits(2)
    if (scan.pos - secondStart !== 2 || second > 60) return null
    if (!scan.done() && scan.code() === 0x2e) {
      scan.pos++
      const fractionStart = scan.pos
      while (scan.isDigitAhead()) scan.pos++
      if (scan.pos === fractionStart) return null
    }
  }
  if (scan.done()) return 0
  const mark = scan.code()
  let offsetMinutes: number
  if (mark === 0x5a /* Z */) {
    scan.pos++
    offsetMinutes = 0
  } else if (mark === 0x2b || mark === 0x2d) {
    scan.pos++
    const offsetStart = scan.pos
    const offsetHour = scan.digits(2)
    if (scan.pos - offsetStart !== 2) return null
    if (!scan.done() && scan.code() === 0x3a) scan.pos++
    const offsetMinuteStart = scan.pos
    const offsetMinute = scan.digits(2)
    if (scan.pos - offsetMinuteStart !== 2) return null
    offsetMinutes = (mark === 0x2d ? -1 : 1) * (offsetHour * 60 + offsetMinute)
  } else {
    return null
  }
  if (!scan.done()) return null
  const chinaMinutes = hour * 60 + minute - offsetMinutes + CHINA_OFFSET_MINUTES
  return Math.floor(chinaMinutes / 1440)
}

/** A bare number (optionally with a fraction) as an Excel serial, within the allowed window. */
function parseSerial(
  text: string,
  start: number,
  end: number,
  mode: 'none' | 'plausible' | 'any',
): string | null {
  if (mode === 'none') return null
  let whole = 0
  let index = start
  let digits = 0
  for (; index < end; index++) {
    const digit = digitValue(text.charCodeAt(index))
    if (digit < 0) break
    whole = whole * 10 + digit
    digits++
  }
  if (digits === 0 || digits > 7) return null
  if (index < end) {
    const dot = text.charCodeAt(index)
    if (dot !== 0x2e && dot !== 0xff0e) return null
    index++
    const fractionStart = index
    while (index < end && digitValue(text.charCodeAt(index)) >= 0) index++
    if (index === fractionStart || index !== end) return null
  }
  if (mode === 'plausible' && (whole < PLAUSIBLE_MIN_SERIAL || whole > PLAUSIBLE_MAX_SERIAL)) return null
  return excelSerialToDate(whole)
}

/** Canonical 'YYYY-MM-DD' (ASCII, valid) → y*10000+m*100+d, else -1. */
function readCanonical(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return -1
  let value = 0
  for (let index = 0; index < 10; index++) {
    if (index === 4 || index === 7) continue
    const code = text.charCodeAt(index)
    if (code < 0x30 || code > 0x39) return -1
    value = value * 10 + (code - 0x30)
  }
  const year = Math.floor(value / 10000)
  const month = Math.floor(value / 100) % 100
  const day = value % 100
  return isValidYmd(year, month, day) ? value : -1
}
