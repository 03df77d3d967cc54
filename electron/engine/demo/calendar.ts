/**
 * Working days and seasonality of the demo, all on integer day numbers (shared/values/date.ts), so
 * nothing depends on the machine's time zone. Cases arrive on working days; the 春节 week empties
 * January or February (whichever holds it), the 国庆 week early October, and the year-end push lifts
 * November and December.
 */
import { dayNumberOf, daysInMonth, fromDayNumber } from '../../../shared/values/date.ts'
import { Weighted, type Random } from './random.ts'

/** 春节 (first day of the lunar year) by year; the holiday runs from its eve for seven days. */
// prettier-ignore
const SPRING_FESTIVAL: Record<number, string> = {
  2015: '02-19', 2016: '02-08', 2017: '01-28', 2018: '02-16', 2019: '02-05', 2020: '01-25', 2021: '02-12',
  2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26',
  2029: '02-13', 2030: '02-03',
}
/** Caseload trend by year (fewer cases in 2025: "全国刑事案件量为本世纪以来最低", figures.md). */
const YEAR_TREND: Record<number, number> = { 2022: 1, 2023: 1.06, 2024: 1.03, 2025: 0.9 }
/** Year-end push (年底集中办结) on top of working days; the weeks around 春节 are slow beyond the holiday itself. */
const MONTH_FACTOR = [0.96, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1.03, 1.12]

export interface Month {
  year: number
  month: number
  /** 'YYYY-MM' */
  key: string
  first: number
  last: number
}

/** 'YYYY-MM' → its Month. */
export function monthOf(key: string): Month {
  const year = Number(key.slice(0, 4))
  const month = Number(key.slice(5, 7))
  const first = dayNumberOf(year, month, 1)
  return { year, month, key, first, last: first + daysInMonth(year, month) - 1 }
}

/** Every month from `from` to `to` ('YYYY-MM', both included). */
export function monthRange(from: string, to: string): Month[] {
  const months: Month[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))
  while (year * 12 + month <= end) {
    months.push(monthOf(`${year}-${String(month).padStart(2, '0')}`))
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return months
}

/** 'YYYY-MM' `n` months before `key`. */
export function monthsBefore(key: string, n: number): string {
  const index = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 - n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
export const weekday = (day: number) => (((day + 3) % 7) + 7) % 7

function springFestival(year: number): number {
  const mmdd = SPRING_FESTIVAL[year] ?? '02-05'
  return dayNumberOf(year, Number(mmdd.slice(0, 2)), Number(mmdd.slice(3, 5)))
}

/** Official holidays that empty the offices: 春节 (eve + 6 days), 劳动节 (May 1–5), 国庆 (Oct 1–7). */
export function isHoliday(day: number): boolean {
  return (dayKind(day) & HOLIDAY) !== 0
}

export const isWorkday = (day: number) => (dayKind(day) & (HOLIDAY | WEEKEND)) === 0

/** How likely a case is to arrive on a day: working days 1, weekends and holidays a trickle. */
export function dayWeight(day: number): number {
  const kind = dayKind(day)
  if (kind & HOLIDAY) return 0.03
  if (kind & WEEKEND) return 0.08
  return kind & SLOW ? 0.6 : 1 // the two weeks after 春节 restart slowly
}

const WORKDAY = 0
const HOLIDAY = 1
const WEEKEND = 2
const SLOW = 4
// Day kinds are asked for millions of times: cache them for 1990–2049.
const CACHE_FIRST = dayNumberOf(1990, 1, 1)
const cache = new Int8Array(dayNumberOf(2050, 1, 1) - CACHE_FIRST).fill(-1)

function dayKind(day: number): number {
  const slot = day - CACHE_FIRST
  if (slot >= 0 && slot < cache.length) {
    if (cache[slot] < 0) cache[slot] = computeKind(day)
    return cache[slot]
  }
  return computeKind(day)
}

function computeKind(day: number): number {
  const ymd = fromDayNumber(day)
  const md = ymd.slice(5)
  const festival = springFestival(Number(ymd.slice(0, 4)))
  let kind = weekday(day) >= 5 ? WEEKEND : WORKDAY
  if ((md >= '05-01' && md <= '05-05') || (md >= '10-01' && md <= '10-07')) kind |= HOLIDAY
  if (day >= festival - 1 && day <= festival + 5) kind |= HOLIDAY
  if (day > festival + 5 && day <= festival + 16) kind |= SLOW
  return kind
}

const monthDays = new Map<string, Weighted<number>>()

/** Relative number of new cases in a month: its working days × year-end push × yearly trend. */
export function monthWeight(month: Month): number {
  let sum = 0
  for (let day = month.first; day <= month.last; day++) sum += dayWeight(day)
  return sum * MONTH_FACTOR[month.month - 1] * (YEAR_TREND[month.year] ?? 1)
}

/** A day of the month, weighted by {@link dayWeight}. */
export function pickDay(random: Random, month: Month): number {
  let table = monthDays.get(month.key)
  if (!table) {
    const days = Array.from({ length: month.last - month.first + 1 }, (_, i) => month.first + i)
    table = new Weighted(days, days.map(dayWeight))
    monthDays.set(month.key, table)
  }
  return table.pick(random)
}

/** The first working day on or after `day`. */
export function nextWorkday(day: number): number {
  while (!isWorkday(day)) day++
  return day
}

/** The last working day on or before `day`, but never before `floor` (then `day` itself). */
export function workdayOnOrBefore(day: number, floor: number): number {
  let d = day
  while (d > floor && !isWorkday(d)) d--
  return isWorkday(d) ? d : day
}
