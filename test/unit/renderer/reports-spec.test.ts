import { describe, expect, it } from 'vitest'
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import {
  defaultReportPeriod,
  INITIAL_SELECTION,
  loadSelection,
  MAX_COMPARE_UNITS,
  peerCodes,
  reportArgsOf,
  saveSelection,
  toggleCompare,
  topUnit,
} from '../../../renderer/src/pages/reports/reportSpec.ts'

const coverage = { first: '2024-01-03', last: '2025-07-20' }
const today = new Date(2026, 0, 15)

describe('default report period', () => {
  it('follows the template’s period hint and the data’s coverage', () => {
    expect(defaultReportPeriod('quarter', coverage, today)).toBe('2025Q2')
    expect(defaultReportPeriod('any', coverage, today)).toBe('2025Q2')
    expect(defaultReportPeriod('half', coverage, today)).toBe('2025H1')
    expect(defaultReportPeriod('year', coverage, today)).toBe('2024')
    expect(defaultReportPeriod('month', coverage, today)).toBe('2025-07')
  })

  it('never picks a month still running today', () => {
    expect(defaultReportPeriod('month', coverage, new Date(2025, 6, 25))).toBe('2025-06')
    expect(defaultReportPeriod('quarter', coverage, new Date(2025, 6, 25))).toBe('2025Q2')
  })

  it('falls back to what the data holds when no complete period is covered', () => {
    const short = { first: '2025-01-01', last: '2025-05-31' }
    expect(defaultReportPeriod('year', short, today)).toBe('2025-01..2025-05')
    expect(defaultReportPeriod('half', short, today)).toBe('2025Q1')
    expect(defaultReportPeriod('quarter', null, today)).toBe('2025')
    expect(defaultReportPeriod('year', null, today)).toBe('2025')
  })
})

const unit = (code: string, parent: string | null, level: UnitSummary['level']): UnitSummary => ({
  code,
  name: `${code}院`,
  shortName: null,
  level,
  parent,
})
const units = [
  unit('320100', '320000', 'city'),
  unit('320000', null, 'province'),
  unit('320200', '320000', 'city'),
  unit('320102', '320100', 'county'),
  unit('320300', '320000', 'city'),
]

describe('units of a report', () => {
  it('defaults to the top of the hierarchy and finds peers', () => {
    expect(topUnit(units)).toBe('320000')
    expect(topUnit([])).toBe('')
    expect(peerCodes(units, '320100')).toEqual(['320200', '320300'])
    expect(peerCodes(units, '320000')).toEqual([])
  })

  it('toggles compared units, never the report’s own and never more than ten', () => {
    expect(toggleCompare([], '320200', '320100')).toEqual(['320200'])
    expect(toggleCompare(['320200'], '320200', '320100')).toEqual([])
    expect(toggleCompare([], '320100', '320100')).toEqual([])
    const full = Array.from({ length: MAX_COMPARE_UNITS }, (_, i) => `32${String(i).padStart(4, '0')}`)
    expect(toggleCompare(full, '329999', '320100')).toEqual(full)
  })

  it('builds the arguments of report/build and report/export', () => {
    expect(
      reportArgsOf(
        { ...INITIAL_SELECTION, period: '2025Q2', unit: '320100', compareUnits: ['320100', '320200'] },
        { a: 'x' },
      ),
    ).toEqual({
      template: 'quarterly',
      period: '2025Q2',
      unit: '320100',
      compareUnits: ['320200'],
      overrides: { a: 'x' },
      excludeFlagged: false,
    })
    expect(reportArgsOf({ ...INITIAL_SELECTION, period: '2025' }, {})).not.toHaveProperty('unit')
  })
})

describe('selection kept in sessionStorage', () => {
  it('round-trips and ignores malformed values', () => {
    const data = new Map<string, string>()
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    }
    const selection = {
      template: 'annual',
      period: '2024',
      unit: '320100',
      compareUnits: ['320200'],
      excludeFlagged: true,
    }
    saveSelection(storage, selection)
    expect(loadSelection(storage)).toEqual(selection)
    data.set('yanpan.reports.selection', '{"template":3,"period":"","compareUnits":"x"}')
    expect(loadSelection(storage)).toEqual(INITIAL_SELECTION)
    data.set('yanpan.reports.selection', 'not json')
    expect(loadSelection(storage)).toEqual(INITIAL_SELECTION)
    expect(loadSelection(null)).toEqual(INITIAL_SELECTION)
  })
})
