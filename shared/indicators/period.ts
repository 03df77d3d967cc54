/**
 * Periods of indicator figures, as windows of whole calendar months. A month is an integer index
 * (year × 12 + month − 1), so windows shift and compare without dates or time zones.
 *
 * Accepted: `2024` (year), `2024H1` (half), `2024Q3` (quarter), `2024-07` (month) and ranges
 * `2024-01..2024-09` (累计 1至9月; a range may cross a year end). 同比 is the same window a year
 * earlier; 环比 the window of equal length just before.
 */

export interface Window {
  /** First and last month index, inclusive. */
  from: number
  to: number
}

export interface Period extends Window {
  /** Canonical text: '2024Q3', '2024-01..2024-09'. */
  text: string
  /** Chinese label: '2024年第三季度', '2024年1至9月'. */
  label: string
}

export const monthIndex = (year: number, month: number) => year * 12 + month - 1
export const yearOf = (index: number) => Math.floor(index / 12)
export const monthOf = (index: number) => (index % 12) + 1
/** 'YYYY-MM' of a month index. */
export const monthKey = (index: number) => `${yearOf(index)}-${String(monthOf(index)).padStart(2, '0')}`
/** Month index of a 'YYYY-MM-DD' or 'YYYY-MM' text. */
export const monthIndexOfDate = (date: string) =>
  monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
/** First and last calendar day of a window, 'YYYY-MM-DD'. */
export function windowDates(w: Window): { first: string; last: string } {
  const y = yearOf(w.to)
  const m = monthOf(w.to)
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { first: `${monthKey(w.from)}-01`, last: `${monthKey(w.to)}-${String(lastDay).padStart(2, '0')}` }
}

export const windowLength = (w: Window) => w.to - w.from + 1
export const yoyWindow = (w: Window): Window => ({ from: w.from - 12, to: w.to - 12 })
export const momWindow = (w: Window): Window => ({ from: w.from - windowLength(w), to: w.from - 1 })

const HALVES = ['上半年', '下半年']
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度']

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string }

const HELP = '期间格式：2024（年）、2024H1（半年）、2024Q3（季度）、2024-07（月）或 2024-01..2024-09（累计）'

function validYear(year: number) {
  return year >= 1990 && year <= 2100
}

/** Parses a period text; the message says, in Chinese, what forms are accepted. */
export function parsePeriod(input: string): PeriodResult {
  const text = input
    .trim()
    .replace(/[－—–]/g, '-')
    .replace(/[Ｈｈh]/g, 'H')
    .replace(/[Ｑｑq]/g, 'Q')
  let match: RegExpMatchArray | null
  const fail = (why: string): PeriodResult => ({ ok: false, message: `期间“${input}”${why}。${HELP}` })
  if ((match = text.match(/^(\d{4})$/))) {
    const year = Number(match[1])
    if (!validYear(year)) return fail('的年份超出范围')
    return ok(monthIndex(year, 1), monthIndex(year, 12), `${year}`, `${year}年`)
  }
  if ((match = text.match(/^(\d{4})H([12])$/))) {
    const year = Number(match[1])
    const half = Number(match[2])
    if (!validYear(year)) return fail('的年份超出范围')
    const first = monthIndex(year, half === 1 ? 1 : 7)
    return ok(first, first + 5, `${year}H${half}`, `${year}年${HALVES[half - 1]}`)
  }
  if ((match = text.match(/^(\d{4})Q([1-4])$/))) {
    const year = Number(match[1])
    const quarter = Number(match[2])
    if (!validYear(year)) return fail('的年份超出范围')
    const first = monthIndex(year, quarter * 3 - 2)
    return ok(first, first + 2, `${year}Q${quarter}`, `${year}年${QUARTERS[quarter - 1]}`)
  }
  if ((match = text.match(/^(\d{4})-(\d{1,2})$/))) {
    const index = month(Number(match[1]), Number(match[2]))
    if (index === null) return fail('不是有效的月份')
    return ok(index, index, monthKey(index), `${yearOf(index)}年${monthOf(index)}月`)
  }
  if ((match = text.match(/^(\d{4})-(\d{1,2})\s*(?:\.\.|至|~|～)\s*(\d{4})-(\d{1,2})$/))) {
    const from = month(Number(match[1]), Number(match[2]))
    const to = month(Number(match[3]), Number(match[4]))
    if (from === null || to === null) return fail('含有无效的月份')
    if (to < from) return fail('的结束月份早于开始月份')
    if (to - from >= 120) return fail('跨度超过十年')
    return ok(from, to, `${monthKey(from)}..${monthKey(to)}`, rangeLabel(from, to))
  }
  return fail('无法识别')
}

function month(year: number, m: number): number | null {
  return validYear(year) && m >= 1 && m <= 12 ? monthIndex(year, m) : null
}

function ok(from: number, to: number, text: string, label: string): PeriodResult {
  return { ok: true, period: { from, to, text, label } }
}

function rangeLabel(from: number, to: number): string {
  if (from === to) return `${yearOf(from)}年${monthOf(from)}月`
  if (yearOf(from) === yearOf(to)) return `${yearOf(from)}年${monthOf(from)}至${monthOf(to)}月`
  return `${yearOf(from)}年${monthOf(from)}月至${yearOf(to)}年${monthOf(to)}月`
}

/** The period a window is: 2024Q3 rather than 2024-07..2024-09 when it is one. */
export function periodOfWindow(w: Window): Period {
  const y = yearOf(w.from)
  const m = monthOf(w.from)
  const length = windowLength(w)
  const sameYear = yearOf(w.to) === y
  const candidates: string[] = []
  if (sameYear && length === 12) candidates.push(`${y}`)
  if (sameYear && length === 6 && (m === 1 || m === 7)) candidates.push(`${y}H${m === 1 ? 1 : 2}`)
  if (sameYear && length === 3 && (m - 1) % 3 === 0) candidates.push(`${y}Q${(m + 2) / 3}`)
  if (length === 1) candidates.push(monthKey(w.from))
  candidates.push(`${monthKey(w.from)}..${monthKey(w.to)}`)
  const parsed = parsePeriod(candidates[0])
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.period
}

/** 'YYYY-MM' months of a window, in order. */
export function monthsOf(w: Window): number[] {
  const months: number[] = []
  for (let m = w.from; m <= w.to; m++) months.push(m)
  return months
}
