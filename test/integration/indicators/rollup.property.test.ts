/**
 * Property test of the figures: random small 010101 exports over a random 省院 → 市院 → 基层院 list,
 * imported through the real importer, and random (indicator, unit, window, own) questions whose
 * numerator, denominator and value must equal a plain-JS recomputation over the generated rows —
 * never through the engine's SQL. Replay a failure from the seed in its name.
 *
 * The rules recomputed here: a unit's figure is its own records plus all its subordinate units' (the
 * province: every record, also of units the list does not know); a record falls in the month of its
 * 审结日期 (受理日期 for the 受理 case count); a case (件) counts once, in the month of its earliest
 * matching record; an average is sum / count of the records with a value; a median the middle value
 * (mean of the two middle ones).
 */
import { describe, expect, it } from 'vitest'
import { computeIndicators } from '../../../electron/engine/indicators/compute.ts'
import { importIndicators } from '../../../electron/engine/indicators/definitions.ts'
import { openWorkspace } from '../../../electron/engine/store/database.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import { monthIndex, parsePeriod, type Window } from '../../../shared/indicators/period.ts'
import type { UnitSummary } from '../../../shared/ipc/contract.ts'
import {
  ARREST_COLUMNS,
  ARRESTED,
  caseNumber,
  definitionsText,
  importRows,
  indicator,
  NOT_ARRESTED,
  T_NON_ARREST,
  T_AVERAGE_DAYS,
  T_MEDIAN_DAYS,
} from '../../helpers/indicator-data.ts'
import { Random } from '../../helpers/seeded-random.ts'
import { tempDir } from '../../helpers/workspace.ts'

const TODAY = '2026-01-15'
const CASES = 30
const QUESTIONS = 20

const DEFINITIONS = [
  indicator(
    'T批捕人数',
    '人',
    { n: { dataset: '010101', of: 'persons', date: '审结日期', filter: ARRESTED } },
    'n',
  ),
  indicator(
    'T不捕件数',
    '件',
    { n: { dataset: '010101', of: 'cases', date: '审结日期', filter: NOT_ARRESTED } },
    'n',
  ),
  indicator('T受理件数', '件', { n: { dataset: '010101', of: 'cases', date: '受理日期' } }, 'n'),
  T_NON_ARREST,
  T_AVERAGE_DAYS,
  T_MEDIAN_DAYS,
]
const IDS = ['T批捕人数', 'T不捕件数', 'T受理件数', 'T不捕率', 'T平均天数', 'T天数中位数'] as const
type Id = (typeof IDS)[number]

interface Person {
  unit: string
  caseNo: string
  suspect: string
  accepted: string
  concluded: string
  outcome: string
}

const OUTCOMES = ['批准逮捕', '决定逮捕', '不批准逮捕', '不予决定逮捕']
const SPECIAL_DAYS = [
  '2024-02-29',
  '2024-02-28',
  '2024-03-01',
  '2023-02-28',
  '2023-03-01',
  '2022-01-01',
  '2022-12-31',
  '2023-01-01',
  '2023-12-31',
  '2024-01-01',
  '2024-12-31',
]
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const FIRST = Date.UTC(2022, 0, 1)
const LAST = Date.UTC(2024, 11, 31)

function randomHierarchy(rng: Random): UnitSummary[] {
  const units: UnitSummary[] = [
    { code: '320000', name: '江苏省人民检察院', shortName: null, level: 'province', parent: null },
  ]
  for (const city of rng.subset(['320100', '320200', '320500', '320600'], 0.6).slice(0, 3)) {
    units.push({ code: city, name: `${city}市院`, shortName: null, level: 'city', parent: '320000' })
    const counties = rng.int(0, 3)
    for (let i = 0; i < counties; i++) {
      const code = `${city.slice(0, 4)}${String(2 + i * 3 + rng.int(0, 2)).padStart(2, '0')}`
      units.push({ code, name: `${code}区院`, shortName: null, level: 'county', parent: city })
    }
  }
  return units
}

function randomDate(rng: Random): string {
  return rng.chance(0.25) ? rng.pick(SPECIAL_DAYS) : iso(FIRST + rng.int(0, (LAST - FIRST) / DAY) * DAY)
}

function randomPersons(rng: Random, units: UnitSummary[]): Person[] {
  // Records of hierarchy units (counties most), and of units the list does not know.
  const pool = [...units.map((u) => u.code), ...units.filter((u) => u.level === 'county').map((u) => u.code)]
  const unknown = ['321300', '329901']
  const persons: Person[] = []
  const cases = rng.int(8, 30)
  for (let c = 0; c < cases; c++) {
    const unit = rng.chance(0.12) ? rng.pick(unknown) : rng.pick(pool)
    const base = randomDate(rng)
    const caseNo = caseNumber('010101', unit, c + 1, Number(base.slice(0, 4)))
    const size = rng.chance(0.4) ? rng.int(2, 4) : 1
    for (let p = 0; p < size; p++) {
      // Persons of one case often conclude in different months (and years).
      const concludedMs = Date.parse(base) + (p > 0 && rng.chance(0.6) ? rng.int(-70, 70) * DAY : 0)
      const pending = rng.chance(0.08)
      const accepted = rng.chance(0.1) ? '' : iso(concludedMs - rng.int(0, 45) * DAY)
      persons.push({
        unit,
        caseNo,
        suspect: `S${c}-${p}`,
        accepted,
        concluded: pending ? '' : iso(concludedMs),
        outcome: pending ? '' : rng.pick(OUTCOMES),
      })
    }
  }
  return persons
}

function randomPeriod(rng: Random): string {
  const year = rng.int(2022, 2024)
  switch (rng.int(0, 4)) {
    case 0:
      return `${year}`
    case 1:
      return `${year}H${rng.int(1, 2)}`
    case 2:
      return `${year}Q${rng.int(1, 4)}`
    case 3:
      return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}`
    default: {
      const from = monthIndex(2022, 1) + rng.int(0, 35)
      const to = Math.min(from + rng.int(0, 14), monthIndex(2024, 12))
      const text = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
      return `${text(from)}..${text(to)}`
    }
  }
}

/** The independent answer: plain JS over the generated persons. */
function expected(id: Id, persons: Person[], units: UnitSummary[], unit: string, w: Window, own: boolean) {
  const parent = new Map(units.map((u) => [u.code, u.parent]))
  const under = (code: string): boolean => {
    if (own) return code === unit
    if (unit === '320000') return true // the province: everything, unknown units included
    for (let c: string | null | undefined = code; c; c = parent.get(c)) if (c === unit) return true
    return false
  }
  const month = (date: string) => monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
  const inWindow = (date: string) => date !== '' && month(date) >= w.from && month(date) <= w.to
  const scoped = persons.filter((p) => under(p.unit))
  const count = (outcomes: string[]) =>
    scoped.filter((p) => inWindow(p.concluded) && outcomes.includes(p.outcome)).length
  const cases = (date: (p: Person) => string, match: (p: Person) => boolean) => {
    const earliest = new Map<string, number>()
    for (const p of scoped)
      if (date(p) !== '' && match(p))
        earliest.set(p.caseNo, Math.min(earliest.get(p.caseNo) ?? Infinity, month(date(p))))
    return [...earliest.values()].filter((m) => m >= w.from && m <= w.to).length
  }
  const days = scoped
    .filter((p) => inWindow(p.concluded) && p.accepted !== '')
    .map((p) => (Date.parse(p.concluded) - Date.parse(p.accepted)) / DAY)
  switch (id) {
    case 'T批捕人数': {
      const n = count(['批准逮捕', '决定逮捕'])
      return { value: n, numerator: n, denominator: null }
    }
    case 'T不捕件数': {
      const n = cases(
        (p) => p.concluded,
        (p) => ['不批准逮捕', '不予决定逮捕'].includes(p.outcome),
      )
      return { value: n, numerator: n, denominator: null }
    }
    case 'T受理件数': {
      const n = cases(
        (p) => p.accepted,
        () => true,
      )
      return { value: n, numerator: n, denominator: null }
    }
    case 'T不捕率': {
      const numerator = count(['不批准逮捕', '不予决定逮捕'])
      const denominator = count(['批准逮捕', '决定逮捕']) + numerator
      return { value: denominator === 0 ? null : (numerator / denominator) * 100, numerator, denominator }
    }
    case 'T平均天数': {
      const sum = days.reduce((a, b) => a + b, 0)
      return { value: days.length === 0 ? null : sum / days.length, numerator: sum, denominator: days.length }
    }
    case 'T天数中位数': {
      const sorted = [...days].sort((a, b) => a - b)
      const mid = Math.floor(sorted.length / 2)
      const value =
        sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
      return { value, numerator: value, denominator: null }
    }
  }
}

describe('figures equal a plain recomputation over random data', () => {
  for (let seed = 1; seed <= CASES; seed++) {
    it(`seed ${seed}`, async () => {
      const rng = new Random(seed * 7919)
      const units = randomHierarchy(rng)
      const persons = randomPersons(rng, units)
      const db = openWorkspace(':memory:')
      try {
        saveUnits(db, units)
        await importRows(
          db,
          tempDir(),
          '审查逮捕.csv',
          ARREST_COLUMNS,
          persons.map((p) => ({
            部门受案号: p.caseNo,
            嫌疑人编号: p.suspect,
            嫌疑人姓名: p.suspect,
            受理日期: p.accepted,
            审结处理结果: p.outcome,
            审结日期: p.concluded,
          })),
        )
        importIndicators(db, definitionsText(...DEFINITIONS), TODAY)
        for (let q = 0; q < QUESTIONS; q++) {
          const id = rng.pick(IDS)
          const unit = rng.pick(units).code
          const period = randomPeriod(rng)
          const own = rng.chance(0.3)
          const parsed = parsePeriod(period)
          if (!parsed.ok) throw new Error(parsed.message)
          const { results } = computeIndicators(
            db,
            { period, indicators: [id], units: [unit], own, excludeFlagged: false, withClean: false },
            TODAY,
          )
          const label = `${id} ${unit}${own ? '（本院）' : ''} ${period}`
          const want = expected(id, persons, units, unit, parsed.period, own)
          const got = results[0]
          expect(got.unavailable, label).toBeUndefined()
          expect({ label, numerator: got.numerator, denominator: got.denominator }).toEqual({
            label,
            numerator: want.numerator,
            denominator: want.denominator,
          })
          if (want.value === null) expect(got.value, label).toBeNull()
          else expect(got.value, label).toBeCloseTo(want.value, 9)
        }
      } finally {
        db.close()
      }
    })
  }
})
