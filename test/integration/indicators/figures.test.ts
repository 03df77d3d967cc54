/**
 * Reproducing published national figures (../shared/domain/figures.md) end to end: person-level
 * 010101 and 020101 exports whose counts are the published counts scaled down 1 : 100 (36.7万 →
 * 3670 persons), spread over the months of each period and over several units (one of them unknown to
 * the unit list), imported through the real importer and computed for the province.
 *
 * What is and is not reproducible (indicators.md §1.4):
 * - 不诉率, 2024 不捕率 and 诉前羁押率 follow the simple formulas. Published counts are rounded to
 *   0.1万, so for two releases (2023Q1 and 2024H1 不诉率) the rounded counts give a rate 0.1 below the
 *   published one (28.4% for 28.3%, 19.6% for 19.7%); there the data uses counts that still round to
 *   the published counts (checked below) and give the published rate.
 * - National 不捕率 of 2022Q1–2023Q1 is NOT the simple 不捕 / (批准和决定逮捕 + 不捕): no counts
 *   within the rounding of the published ones reach it (37.55% recomputed for 38.1% in 2022Q1). A 口径
 *   leaving out 决定逮捕 does reach it when the data holds the ≈0.33万-per-quarter 决定逮捕 persons that
 *   the published denominators imply — a hypothesis (🟡): the 决定逮捕 counts here are taken from that
 *   implied gap, so matching shows the engine computes such a 口径 correctly, not that it is the SPP's.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { computeIndicators } from '../../../electron/engine/indicators/compute.ts'
import { importIndicators } from '../../../electron/engine/indicators/definitions.ts'
import { loadIndicatorLibrary } from '../../../electron/engine/indicators/library.ts'
import { openWorkspace, type Db } from '../../../electron/engine/store/database.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import { formatIndicatorValue } from '../../../shared/indicators/format.ts'
import type { IndicatorResult } from '../../../shared/ipc/indicator-contract.ts'
import {
  ARREST_COLUMNS,
  caseNumber,
  definitionsText,
  importRows,
  JIANGSU,
  PROSECUTION_COLUMNS,
  T_DETENTION,
  T_NON_ARREST,
  T_NON_PROSECUTION,
  type Row,
} from '../../helpers/indicator-data.ts'
import { tempDir } from '../../helpers/workspace.ts'

const TODAY = '2026-01-15'
const SCALE = 100 // real persons per person in the data (1 : 100)

/** Cumulative published counts of a release, in persons after scaling, and its published rates. */
interface Release {
  period: string
  arrested: number // 批准和决定逮捕
  decided: number // of which 决定逮捕 (not published: the gap implied by the denominator, §1.4)
  notArrested: number // 不捕
  prosecuted: number // 起诉
  notProsecuted: number // 不起诉
  /** As published, in 万 (to check the data's counts round to them). */
  published: { arrested: number; notArrested: number; prosecuted: number; notProsecuted: number }
  rates: { 不捕率?: string; 不诉率?: string; 诉前羁押率?: string }
}

const RELEASES: Release[] = [
  {
    period: '2022Q1',
    ...{ arrested: 1430, decided: 33, notArrested: 860, prosecuted: 3290, notProsecuted: 830 },
    published: { arrested: 14.3, notArrested: 8.6, prosecuted: 32.9, notProsecuted: 8.3 },
    rates: { 不捕率: '38.1%', 不诉率: '20.1%' },
  },
  {
    period: '2022H1',
    ...{ arrested: 2220, decided: 64, notArrested: 1390, prosecuted: 6810, notProsecuted: 2090 },
    published: { arrested: 22.2, notArrested: 13.9, prosecuted: 68.1, notProsecuted: 20.9 },
    rates: { 不捕率: '39.2%', 不诉率: '23.5%' },
  },
  {
    period: '2022-01..2022-09',
    ...{ arrested: 4030, decided: 118, notArrested: 2810, prosecuted: 10250, notProsecuted: 3450 },
    published: { arrested: 40.3, notArrested: 28.1, prosecuted: 102.5, notProsecuted: 34.5 },
    rates: { 不捕率: '41.8%', 不诉率: '25.2%' },
  },
  {
    // 30.8万 / 12.2万 give 28.4%; 3084 / 1216 still round to them and give the published 28.3%.
    period: '2023Q1',
    ...{ arrested: 1250, decided: 29, notArrested: 1150, prosecuted: 3084, notProsecuted: 1216 },
    published: { arrested: 12.5, notArrested: 11.5, prosecuted: 30.8, notProsecuted: 12.2 },
    rates: { 不捕率: '48.5%', 不诉率: '28.3%' },
  },
  {
    // 76.1万 / 18.6万 give 19.6%; 7606 / 1864 still round to them and give the published 19.7%.
    period: '2024H1',
    ...{ arrested: 3670, decided: 35, notArrested: 1910, prosecuted: 7606, notProsecuted: 1864 },
    published: { arrested: 36.7, notArrested: 19.1, prosecuted: 76.1, notProsecuted: 18.6 },
    rates: { 不捕率: '34.2%', 不诉率: '19.7%' },
  },
  {
    // 2024 work report counts; the rates are figures.md's recomputation (not published as rates).
    period: '2024',
    ...{ arrested: 7530, decided: 75, notArrested: 3880, prosecuted: 16310, notProsecuted: 4020 },
    published: { arrested: 75.3, notArrested: 38.8, prosecuted: 163.1, notProsecuted: 40.2 },
    rates: { 不捕率: '34.0%', 不诉率: '19.8%', 诉前羁押率: '37.0%' },
  },
]
const release = (period: string) => RELEASES.find((r) => r.period === period)!

/**
 * Months of data and the counts they hold: the increments between cumulative releases (2022Q2 =
 * 2022H1 − 2022Q1 …), so every release's window sums to its counts.
 */
function segments() {
  const minus = (a: Release, b: Release | null) => ({
    arrested: a.arrested - (b?.arrested ?? 0),
    decided: a.decided - (b?.decided ?? 0),
    notArrested: a.notArrested - (b?.notArrested ?? 0),
    prosecuted: a.prosecuted - (b?.prosecuted ?? 0),
    notProsecuted: a.notProsecuted - (b?.notProsecuted ?? 0),
  })
  const months = (year: number, first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => ({ year, month: first + i }))
  return [
    { months: months(2022, 1, 3), counts: minus(release('2022Q1'), null) },
    { months: months(2022, 4, 6), counts: minus(release('2022H1'), release('2022Q1')) },
    { months: months(2022, 7, 9), counts: minus(release('2022-01..2022-09'), release('2022H1')) },
    { months: months(2023, 1, 3), counts: minus(release('2023Q1'), null) },
    { months: months(2024, 1, 6), counts: minus(release('2024H1'), null) },
    { months: months(2024, 7, 12), counts: minus(release('2024'), release('2024H1')) },
  ]
}

/** Data units: counties, a city's own cases, the province's own and one unit the list does not know. */
const DATA_UNITS = ['320102', '320105', '320205', '320211', '320100', '320000', '321300']
const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

function buildRows(): { arrests: Row[]; prosecutions: Row[] } {
  const arrests: Row[] = []
  const prosecutions: Row[] = []
  let seq = 0
  const date = (months: { year: number; month: number }[], i: number) => {
    const { year, month } = months[i % months.length]
    // Every ninth person on the month's last day (Feb 29 2024 included), the rest spread over the month.
    const day = i % 9 === 0 ? lastDay(year, month) : 1 + ((i * 11) % 28)
    return `${year}-${pad(month)}-${pad(day)}`
  }
  const arrest = (concluded: string, outcome: string) => {
    const unit = DATA_UNITS[seq % DATA_UNITS.length]
    const year = Number(concluded.slice(0, 4)) || 2024
    arrests.push({
      部门受案号: caseNumber('010101', unit, seq, year),
      嫌疑人编号: `A${seq}`,
      嫌疑人姓名: `嫌疑人${seq}`,
      受理日期: concluded,
      审结处理结果: outcome,
      审结日期: concluded,
    })
    seq++
  }
  const prosecution = (concluded: string, outcome: string) => {
    const unit = DATA_UNITS[seq % DATA_UNITS.length]
    const year = Number(concluded.slice(0, 4)) || 2024
    prosecutions.push({
      部门受案号: caseNumber('020101', unit, seq, year),
      嫌疑人编号: `P${seq}`,
      嫌疑人姓名: `嫌疑人${seq}`,
      受理日期: concluded,
      审结处理情况: outcome,
      审结日期: concluded,
    })
    seq++
  }
  const NOT_PROSECUTED = ['其他情节轻微不起诉', '绝对不起诉', '其他证据不足不起诉', '刑事和解不起诉']
  for (const { months, counts } of segments()) {
    for (let i = 0; i < counts.arrested; i++)
      arrest(date(months, i), i < counts.decided ? '决定逮捕' : '批准逮捕')
    for (let i = 0; i < counts.notArrested; i++) arrest(date(months, i + 3), '不批准逮捕')
    for (let i = 0; i < counts.prosecuted; i++) prosecution(date(months, i + 5), '起诉')
    for (let i = 0; i < counts.notProsecuted; i++)
      prosecution(date(months, i + 7), NOT_PROSECUTED[i % NOT_PROSECUTED.length])
    // Not counted by either rate: pending records, 附条件不起诉 before its probation ends, 退查后未重报.
    for (let i = 0; i < 6; i++) {
      arrest('', '')
      prosecution('', '')
      prosecution(date(months, i), '附条件不起诉')
      prosecution(date(months, i + 1), '退查后未重报')
    }
  }
  // Just outside the windows: would shift a figure if a window took a day too many.
  for (const day of ['2021-12-31', '2022-10-01', '2023-04-01', '2023-12-31', '2025-01-01']) {
    for (let i = 0; i < 7; i++) {
      arrest(day, i % 2 ? '批准逮捕' : '不批准逮捕')
      prosecution(day, i % 2 ? '起诉' : '绝对不起诉')
    }
  }
  return { arrests, prosecutions }
}

let db: Db
const compute = (period: string, indicators: string[], caliber?: string): Map<string, IndicatorResult> => {
  const { results } = computeIndicators(
    db,
    { period, indicators, units: ['320000'], caliber, own: false, excludeFlagged: false, withClean: false },
    TODAY,
  )
  return new Map(results.map((r) => [r.indicator, r]))
}

beforeAll(async () => {
  const dir = tempDir()
  db = openWorkspace(':memory:')
  saveUnits(db, JIANGSU)
  const { arrests, prosecutions } = buildRows()
  await importRows(db, dir, '审查逮捕.csv', ARREST_COLUMNS, arrests)
  await importRows(db, dir, '一审公诉.csv', PROSECUTION_COLUMNS, prosecutions)
  importIndicators(db, definitionsText(T_NON_ARREST, T_NON_PROSECUTION, T_DETENTION), TODAY)
  return () => db.close()
})

describe('published national figures, recomputed from person-level exports', () => {
  it('uses counts that round to the published ones (0.1万)', () => {
    const round = (persons: number) => Math.round((persons * SCALE) / 1000) / 10 // → 万, one decimal, half up
    for (const r of RELEASES) {
      expect(round(r.arrested), r.period).toBe(r.published.arrested)
      expect(round(r.notArrested), r.period).toBe(r.published.notArrested)
      expect(round(r.prosecuted), r.period).toBe(r.published.prosecuted)
      expect(round(r.notProsecuted), r.period).toBe(r.published.notProsecuted)
    }
  })

  it.each(RELEASES.map((r) => [r.period, r] as const))(
    '不诉率 %s reproduces the published rate',
    (period, r) => {
      const figure = compute(period, ['T不诉率']).get('T不诉率')!
      expect(figure).toMatchObject({
        numerator: r.notProsecuted,
        denominator: r.prosecuted + r.notProsecuted,
        partial: false,
      })
      expect(formatIndicatorValue(figure.value, '%', 1)).toBe(r.rates.不诉率)
      expect(figure.display).toBe(r.rates.不诉率)
    },
  )

  it('不捕率 2024H1 and 2024, 诉前羁押率 2024 follow the simple formulas', () => {
    for (const period of ['2024H1', '2024']) {
      const r = release(period)
      const figures = compute(period, ['T不捕率', 'T诉前羁押率'])
      const nonArrest = figures.get('T不捕率')!
      expect(nonArrest).toMatchObject({
        numerator: r.notArrested,
        denominator: r.arrested + r.notArrested,
        caliber: '标准',
      })
      expect(formatIndicatorValue(nonArrest.value, '%', 1)).toBe(r.rates.不捕率)
      const detention = figures.get('T诉前羁押率')!
      expect(detention).toMatchObject({ numerator: r.arrested, denominator: r.prosecuted + r.notProsecuted })
      if (r.rates.诉前羁押率) expect(formatIndicatorValue(detention.value, '%', 1)).toBe(r.rates.诉前羁押率)
    }
  })

  it('2022Q1–2023Q1 不捕率: the simple formula gives the recomputed value, not the published one', () => {
    const recomputed: Record<string, string> = {
      '2022Q1': '37.55%',
      '2022H1': '38.50%',
      '2022-01..2022-09': '41.08%',
      '2023Q1': '47.92%',
    }
    for (const [period, expected] of Object.entries(recomputed)) {
      const r = release(period)
      const figure = compute(period, ['T不捕率']).get('T不捕率')!
      expect(figure.numerator).toBe(r.notArrested)
      expect(figure.denominator).toBe(r.arrested + r.notArrested)
      expect(formatIndicatorValue(figure.value, '%', 2), period).toBe(expected)
      // Not a rounding artefact: the largest rate counts within the published rounding allow
      // (不捕 + 0.05万, 批捕 − 0.05万) still falls short of the published one.
      const { arrested, notArrested } = r.published
      const highest = ((notArrested + 0.05) / (arrested - 0.05 + notArrested + 0.05)) * 100
      expect(highest, period).toBeLessThan(Number.parseFloat(r.rates.不捕率!) - 0.05)
    }
  })

  it('a 口径 without 决定逮捕 moves 2022Q1–2023Q1 不捕率 to the published values', () => {
    for (const period of ['2022Q1', '2022H1', '2022-01..2022-09', '2023Q1']) {
      const r = release(period)
      const simple = compute(period, ['T不捕率']).get('T不捕率')!
      const pinned = compute(period, ['T不捕率'], '不含决定逮捕').get('T不捕率')!
      expect(pinned.caliber).toBe('不含决定逮捕')
      expect(pinned.numerator).toBe(r.notArrested)
      expect(pinned.denominator).toBe(r.arrested - r.decided + r.notArrested)
      expect(pinned.value!).toBeGreaterThan(simple.value!)
      expect(formatIndicatorValue(pinned.value, '%', 1), period).toBe(r.rates.不捕率)
    }
    // From 2024 the published rate is the simple one; leaving out 决定逮捕 would miss it.
    const pinned2024 = compute('2024H1', ['T不捕率'], '不含决定逮捕').get('T不捕率')!
    expect(formatIndicatorValue(pinned2024.value, '%', 1)).not.toBe(release('2024H1').rates.不捕率)
  })

  const library = loadIndicatorLibrary()
  const hasLibrary = ['不捕率', '不诉率', '诉前羁押率'].every((id) => library.some((d) => d.id === id))
  it.skipIf(!hasLibrary)('the library’s 不捕率, 不诉率 and 诉前羁押率 give the same figures', () => {
    for (const period of ['2024H1', '2024']) {
      const mine = compute(period, ['T不捕率', 'T不诉率', 'T诉前羁押率'])
      const theirs = compute(period, ['不捕率', '不诉率', '诉前羁押率'])
      for (const id of ['不捕率', '不诉率', '诉前羁押率']) {
        const a = mine.get(`T${id}`)!
        const b = theirs.get(id)!
        expect({ id, period, value: b.value, numerator: b.numerator, denominator: b.denominator }).toEqual({
          id,
          period,
          value: a.value,
          numerator: a.numerator,
          denominator: a.denominator,
        })
      }
    }
    // 2022: the library's default 口径 is one of the two computed above (simple, or without 决定逮捕).
    for (const period of ['2022Q1', '2022-01..2022-09']) {
      const simple = compute(period, ['T不捕率']).get('T不捕率')!.value
      const without = compute(period, ['T不捕率'], '不含决定逮捕').get('T不捕率')!.value
      expect([simple, without]).toContain(compute(period, ['不捕率']).get('不捕率')!.value)
      expect(compute(period, ['不诉率']).get('不诉率')!.value).toBe(
        compute(period, ['T不诉率']).get('T不诉率')!.value,
      )
    }
  })
})
