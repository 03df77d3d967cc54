/**
 * The toolbar's period picker as pure state: a mode (年度 / 半年 / 季度 / 月度 / 累计) and its values,
 * turned into the period text the engine takes (2024, 2024H1, 2024Q3, 2024-07, 2024-01..2024-09) and
 * back. Also the default period (the latest complete quarter the data covers) and the months of the
 * trend chart.
 */
import {
  monthIndex,
  monthIndexOfDate,
  monthKey,
  monthOf,
  parsePeriod,
  periodOfWindow,
  yearOf,
  type Period,
} from '../../../../shared/indicators/period.ts'

export type PeriodMode = 'year' | 'half' | 'quarter' | 'month' | 'range'

export const PERIOD_MODES: readonly { mode: PeriodMode; label: string }[] = [
  { mode: 'year', label: '年度' },
  { mode: 'half', label: '半年' },
  { mode: 'quarter', label: '季度' },
  { mode: 'month', label: '月度' },
  { mode: 'range', label: '累计' },
]

export interface PickerState {
  mode: PeriodMode
  year: number
  half: 1 | 2
  quarter: 1 | 2 | 3 | 4
  month: number
  /** 累计: first and last month, 'YYYY-MM'. */
  from: string
  to: string
}

export function pickerText(state: PickerState): string {
  switch (state.mode) {
    case 'year':
      return `${state.year}`
    case 'half':
      return `${state.year}H${state.half}`
    case 'quarter':
      return `${state.year}Q${state.quarter}`
    case 'month':
      return monthKey(monthIndex(state.year, state.month))
    case 'range': {
      const [from, to] = state.from <= state.to ? [state.from, state.to] : [state.to, state.from]
      return from === to ? from : `${from}..${to}`
    }
  }
}

export function modeOfText(text: string): PeriodMode {
  if (/^\d{4}$/.test(text)) return 'year'
  if (/H/.test(text)) return 'half'
  if (/Q/.test(text)) return 'quarter'
  if (/^\d{4}-\d{2}$/.test(text)) return 'month'
  return 'range'
}

/** The picker showing a period; the other modes' values follow the period's end (or start for 累计). */
export function pickerOf(period: Period): PickerState {
  const end = period.to
  const mode = modeOfText(period.text)
  const month = monthOf(end)
  return {
    mode,
    year: yearOf(end),
    half: month <= 6 ? 1 : 2,
    quarter: Math.ceil(month / 3) as PickerState['quarter'],
    month,
    // A 累计 range runs from January of its year unless the period itself is a range.
    from: mode === 'range' ? monthKey(period.from) : monthKey(monthIndex(yearOf(end), 1)),
    to: monthKey(end),
  }
}

/** The picker for a period text; null when the text is not a period. */
export function pickerFromText(text: string): PickerState | null {
  const parsed = parsePeriod(text)
  return parsed.ok ? pickerOf(parsed.period) : null
}

/** The same picker in another mode, keeping the year and the end month. */
export function switchMode(state: PickerState, mode: PeriodMode): PickerState {
  return { ...state, mode }
}

const currentMonthIndex = (today: Date) => monthIndex(today.getFullYear(), today.getMonth() + 1)

/**
 * The period a dashboard opens on: the latest complete quarter inside the data's coverage (a month
 * still running today is not complete), else the whole covered window, else — no data at all — the
 * last calendar year.
 */
export function defaultPeriod(coverage: { first: string; last: string } | null, today: Date): string {
  if (coverage === null) return `${today.getFullYear() - 1}`
  const first = monthIndexOfDate(coverage.first)
  let last = monthIndexOfDate(coverage.last)
  const now = currentMonthIndex(today)
  if (last >= now) last = now - 1
  if (last < first) return periodOfWindow({ from: first, to: monthIndexOfDate(coverage.last) }).text
  const quarterEnd = last - (monthOf(last) % 3)
  if (quarterEnd - 2 >= first) return periodOfWindow({ from: quarterEnd - 2, to: quarterEnd }).text
  return periodOfWindow({ from: first, to: last }).text
}

/** Years the picker offers: the covered years (and the current one), newest first. */
export function yearOptions(coverage: { first: string; last: string } | null, today: Date, chosen: number) {
  const latest = today.getFullYear()
  const first = coverage ? Number(coverage.first.slice(0, 4)) : latest - 5
  const last = coverage ? Math.max(Number(coverage.last.slice(0, 4)), latest) : latest
  const years: number[] = []
  for (let y = Math.max(last, chosen); y >= Math.min(first, chosen); y--) years.push(y)
  return years
}

/** Number of months the trend chart shows, ending with the period's last month. */
export const TREND_MONTHS = 36

/** `from`/`to` months of indicator/series for a period; null when the text is not a period. */
export function trendWindow(periodText: string): { from: string; to: string } | null {
  const parsed = parsePeriod(periodText)
  if (!parsed.ok) return null
  const to = parsed.period.to
  return { from: monthKey(to - TREND_MONTHS + 1), to: monthKey(to) }
}
