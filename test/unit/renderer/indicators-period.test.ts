import { describe, expect, it } from 'vitest'
import {
  defaultPeriod,
  modeOfText,
  pickerFromText,
  pickerText,
  switchMode,
  trendWindow,
  yearOptions,
} from '../../../renderer/src/pages/indicators/periodPicker.ts'

const today = new Date(2026, 10, 26) // 2026-11-26, local time

describe('period picker', () => {
  it('turns each mode into the engine’s period text', () => {
    const base = pickerFromText('2024Q3')!
    expect(pickerText(base)).toBe('2024Q3')
    expect(pickerText(switchMode(base, 'year'))).toBe('2024')
    expect(pickerText(switchMode(base, 'half'))).toBe('2024H2')
    expect(pickerText(switchMode(base, 'month'))).toBe('2024-09')
    expect(pickerText(switchMode(base, 'range'))).toBe('2024-01..2024-09')
    expect(pickerText({ ...base, mode: 'quarter', quarter: 1 })).toBe('2024Q1')
    expect(pickerText({ ...base, mode: 'month', month: 7 })).toBe('2024-07')
  })

  it('round-trips every form and orders a reversed range', () => {
    for (const text of ['2024', '2024H1', '2024Q3', '2024-07', '2024-01..2024-09', '2023-11..2024-02']) {
      expect(pickerText(pickerFromText(text)!)).toBe(text)
      expect(modeOfText(text)).toBe(pickerFromText(text)!.mode)
    }
    const range = pickerFromText('2024-01..2024-09')!
    expect(pickerText({ ...range, from: '2024-09', to: '2024-03' })).toBe('2024-03..2024-09')
    expect(pickerText({ ...range, from: '2024-05', to: '2024-05' })).toBe('2024-05')
    expect(pickerFromText('2024Q5')).toBeNull()
    expect(pickerFromText('2024q2')!.mode).toBe('quarter')
  })

  it('defaults to the latest complete quarter the data covers', () => {
    expect(defaultPeriod({ first: '2022-01', last: '2025-12' }, today)).toBe('2025Q4')
    expect(defaultPeriod({ first: '2024-01', last: '2024-12' }, today)).toBe('2024Q4')
    expect(defaultPeriod({ first: '2022-01', last: '2025-08' }, today)).toBe('2025Q2')
    expect(defaultPeriod({ first: '2022-01-01', last: '2025-07-15' }, today)).toBe('2025Q2')
  })

  it('does not count the running month as complete', () => {
    expect(defaultPeriod({ first: '2025-01', last: '2026-10' }, today)).toBe('2026Q3')
    expect(defaultPeriod({ first: '2025-01', last: '2026-11' }, today)).toBe('2026Q3')
    expect(defaultPeriod({ first: '2026-10', last: '2026-12' }, new Date(2027, 0, 5))).toBe('2026Q4')
  })

  it('falls back to the covered window, then to last year', () => {
    expect(defaultPeriod({ first: '2024-02', last: '2024-03' }, today)).toBe('2024-02..2024-03')
    expect(defaultPeriod({ first: '2024-02', last: '2024-02' }, today)).toBe('2024-02')
    expect(defaultPeriod(null, today)).toBe('2025')
  })

  it('offers the covered years up to now, newest first, and the chosen one', () => {
    expect(yearOptions({ first: '2022-01', last: '2025-12' }, today, 2025)).toEqual([
      2026, 2025, 2024, 2023, 2022,
    ])
    expect(yearOptions({ first: '2024-01', last: '2024-12' }, today, 2019).at(-1)).toBe(2019)
    expect(yearOptions(null, today, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021])
  })

  it('shows the 36 months ending with the period in the trend', () => {
    expect(trendWindow('2024Q3')).toEqual({ from: '2021-10', to: '2024-09' })
    expect(trendWindow('2024')).toEqual({ from: '2022-01', to: '2024-12' })
    expect(trendWindow('2024-01..2024-05')).toEqual({ from: '2021-06', to: '2024-05' })
    expect(trendWindow('nonsense')).toBeNull()
  })
})
