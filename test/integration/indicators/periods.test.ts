/**
 * Periods end to end (computeIndicators on imported 010101 data): 同比 / 环比 across year ends, leap
 * Februaries (2024-02-29 counts in February), partial periods, units with no data in the earlier
 * window, and changes — rates in 百分点 (the difference of values), counts in % (relative change).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { computeIndicators, computeSeries } from '../../../electron/engine/indicators/compute.ts'
import { importIndicators } from '../../../electron/engine/indicators/definitions.ts'
import { openWorkspace, type Db } from '../../../electron/engine/store/database.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import type { IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import {
  ARREST_COLUMNS,
  caseNumber,
  definitionsText,
  importRows,
  JIANGSU,
  T_CONCLUDED_PERSONS,
  T_NON_ARREST,
  type Row,
} from '../../helpers/indicator-data.ts'
import { tempDir } from '../../helpers/workspace.ts'

const TODAY = '2026-01-15'

/** [unit, 审结日期, 审结处理结果, persons]. The last month with data is 2024-08. */
const DATA: [string, string, string, number][] = [
  ['320102', '2023-01-10', '批准逮捕', 3],
  ['320102', '2023-01-20', '不批准逮捕', 1],
  ['320102', '2023-02-01', '批准逮捕', 2],
  ['320102', '2023-02-28', '不批准逮捕', 2],
  ['320102', '2023-03-15', '批准逮捕', 4],
  ['320102', '2023-04-03', '批准逮捕', 2],
  ['320102', '2023-06-30', '不批准逮捕', 2],
  ['320102', '2023-09-09', '批准逮捕', 4],
  ['320102', '2023-09-30', '不批准逮捕', 1],
  ['320102', '2023-12-31', '批准逮捕', 1],
  ['320102', '2023-12-31', '不批准逮捕', 1],
  ['320102', '2024-01-01', '批准逮捕', 3],
  ['320102', '2024-01-01', '不批准逮捕', 1],
  ['320102', '2024-02-29', '不批准逮捕', 2],
  ['320102', '2024-02-29', '批准逮捕', 1],
  ['320102', '2024-03-01', '批准逮捕', 1],
  ['320102', '2024-05-31', '不批准逮捕', 1],
  ['320102', '2024-08-31', '批准逮捕', 2],
  // 滨湖 only from 2024: nothing to compare with a year (or a month) earlier.
  ['320211', '2024-01-15', '不批准逮捕', 1],
  ['320211', '2024-01-16', '批准逮捕', 1],
  ['320211', '2024-02-29', '批准逮捕', 2],
]

let db: Db
function figure(indicator: string, unit: string, period: string): IndicatorResult {
  const { results } = computeIndicators(
    db,
    { period, indicators: [indicator], units: [unit], own: false, excludeFlagged: false, withClean: false },
    TODAY,
  )
  return results[0]
}

beforeAll(async () => {
  db = openWorkspace(':memory:')
  saveUnits(db, JIANGSU)
  const rows: Row[] = []
  DATA.forEach(([unit, date, outcome, n], i) => {
    for (let k = 0; k < n; k++)
      rows.push({
        部门受案号: caseNumber('010101', unit, i * 10 + k, Number(date.slice(0, 4))),
        嫌疑人编号: `X${i}-${k}`,
        受理日期: date,
        审结处理结果: outcome,
        审结日期: date,
      })
  })
  await importRows(db, tempDir(), '审查逮捕.csv', ARREST_COLUMNS, rows)
  importIndicators(db, definitionsText(T_NON_ARREST, T_CONCLUDED_PERSONS), TODAY)
  return () => db.close()
})

describe('同比 and 环比 on imported data', () => {
  it('a month: 2024-01 against 2023-12 (环比) and 2023-01 (同比)', () => {
    const rate = figure('T不捕率', '320102', '2024-01')
    expect(rate).toMatchObject({
      period: '2024-01',
      periodLabel: '2024年1月',
      value: 25,
      numerator: 1,
      denominator: 4,
    })
    expect(rate.mom).toEqual({
      period: '2023-12',
      value: 50,
      numerator: 1,
      denominator: 2,
      change: -25,
      changeUnit: '百分点',
    })
    expect(rate.yoy).toMatchObject({ period: '2023-01', value: 25, change: 0, changeUnit: '百分点' })
    const count = figure('T审结人数', '320102', '2024-01')
    expect(count).toMatchObject({ value: 4, numerator: 4, denominator: null, display: '4人' })
    expect(count.mom).toMatchObject({ period: '2023-12', value: 2, change: 100, changeUnit: '%' })
    expect(count.yoy).toMatchObject({ period: '2023-01', value: 4, change: 0, changeUnit: '%' })
  })

  it('a quarter: 2024Q1 against 2023Q4 and 2023Q1', () => {
    const rate = figure('T不捕率', '320102', '2024Q1')
    expect(rate).toMatchObject({ value: 37.5, numerator: 3, denominator: 8, display: '37.5%' })
    expect(rate.mom).toMatchObject({ period: '2023Q4', value: 50, change: -12.5 })
    expect(rate.yoy).toMatchObject({
      period: '2023Q1',
      value: 25,
      numerator: 3,
      denominator: 12,
      change: 12.5,
    })
    const count = figure('T审结人数', '320102', '2024Q1')
    expect(count.value).toBe(8)
    expect(count.mom).toMatchObject({ period: '2023Q4', value: 2, change: 300 })
    expect(count.yoy.value).toBe(12)
    expect(count.yoy.change).toBeCloseTo(-100 / 3, 10)
  })

  it('a cumulative range: 2024-01..2024-09 against 2023-04..2023-12 and 2023-01..2023-09', () => {
    const rate = figure('T不捕率', '320102', '2024-01..2024-09')
    expect(rate).toMatchObject({ periodLabel: '2024年1至9月', numerator: 4, denominator: 11 })
    expect(rate.mom).toMatchObject({ period: '2023-04..2023-12', numerator: 4, denominator: 11 })
    expect(rate.mom.change).toBeCloseTo(0, 12)
    expect(rate.yoy).toMatchObject({ period: '2023-01..2023-09', numerator: 6, denominator: 21 })
    expect(rate.yoy.change).toBeCloseTo((4 / 11 - 6 / 21) * 100, 10)
  })

  it('a half and a year: 2024H1 against 2023H2, 2024 against 2023', () => {
    const half = figure('T审结人数', '320102', '2024H1')
    expect(half).toMatchObject({
      value: 9,
      mom: { period: '2023H2', value: 7 },
      yoy: { period: '2023H1', value: 16 },
    })
    const year = figure('T审结人数', '320102', '2024')
    expect(year).toMatchObject({
      value: 11,
      mom: { period: '2023', value: 23 },
      yoy: { period: '2023', value: 23 },
    })
  })
})

describe('leap years', () => {
  it('2024-02-29 counts in February 2024, compared with February 2023 (28 days)', () => {
    const february = figure('T审结人数', '320102', '2024-02')
    expect(february).toMatchObject({
      value: 3,
      yoy: { period: '2023-02', value: 4 },
      mom: { period: '2024-01', value: 4 },
    })
    expect(figure('T审结人数', '320102', '2024-03').value).toBe(1)
    const rate = figure('T不捕率', '320102', '2024-02')
    expect(rate.value).toBeCloseTo(200 / 3, 10)
    expect(rate.yoy).toMatchObject({ value: 50, numerator: 2, denominator: 4 })
    // Rolled up: 玄武 3 + 滨湖 2 on 2024-02-29, in February for the province too.
    expect(figure('T审结人数', '320000', '2024-02').value).toBe(5)
  })

  it('the monthly series puts Feb 29 in February, a year earlier beside it', () => {
    const { points } = computeSeries(
      db,
      {
        indicator: 'T审结人数',
        unit: '320102',
        from: '2024-01',
        to: '2024-03',
        own: false,
        excludeFlagged: false,
      },
      TODAY,
    )
    expect(points.map((p) => [p.month, p.value, p.lastYear])).toEqual([
      ['2024-01', 4, 4],
      ['2024-02', 3, 4],
      ['2024-03', 1, 4],
    ])
  })
})

describe('partial periods and missing months', () => {
  it('a window past the last month with data (2024-08) is partial', () => {
    expect(figure('T审结人数', '320102', '2024Q3').partial).toBe(true)
    expect(figure('T审结人数', '320102', '2024-01..2024-09').partial).toBe(true)
    expect(figure('T审结人数', '320102', '2024').partial).toBe(true)
    expect(figure('T审结人数', '320102', '2025Q1')).toMatchObject({ partial: true, value: 0 })
    expect(figure('T审结人数', '320102', '2024-01..2024-08').partial).toBe(false)
    expect(figure('T审结人数', '320102', '2024Q2').partial).toBe(false)
    expect(figure('T审结人数', '320102', '2024-08').partial).toBe(false)
    const { coverage } = computeIndicators(
      db,
      {
        period: '2024Q3',
        indicators: ['T审结人数'],
        units: ['320000'],
        own: false,
        excludeFlagged: false,
        withClean: false,
      },
      TODAY,
    )
    expect(coverage).toEqual({ first: '2023-01', last: '2024-08' })
  })

  it('a unit without records a year (or a window) earlier: rates null, counts 0, changes null', () => {
    const rate = figure('T不捕率', '320211', '2024-01')
    expect(rate).toMatchObject({ value: 50, numerator: 1, denominator: 2 })
    expect(rate.yoy).toEqual({
      period: '2023-01',
      value: null,
      numerator: 0,
      denominator: 0,
      change: null,
      changeUnit: '百分点',
    })
    expect(rate.mom).toMatchObject({ period: '2023-12', value: null, change: null })
    const count = figure('T审结人数', '320211', '2024Q1')
    expect(count).toMatchObject({ value: 4, display: '4人' })
    expect(count.yoy).toMatchObject({ value: 0, change: null, changeUnit: '%' })
    expect(count.mom).toMatchObject({ value: 0, change: null })
    // A unit with no records at all.
    const none = figure('T不捕率', '320205', '2024Q1')
    expect(none).toMatchObject({ value: null, numerator: 0, denominator: 0, display: '—', rank: null })
    expect(none.yoy.change).toBeNull()
    // And the other way round: data a year earlier, none now.
    const gone = figure('T审结人数', '320102', '2024-04')
    expect(gone).toMatchObject({ value: 0, yoy: { period: '2023-04', value: 2, change: -100 } })
  })
})
