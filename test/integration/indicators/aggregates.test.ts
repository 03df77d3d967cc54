/**
 * Pre-aggregated measures stay correct: a re-import of a newer export, its undo, quality flags and
 * their review, a second connection to the same workspace file, and deleting the dataset — each
 * compared with a fresh workspace (or plain counts), never with numbers written down by hand.
 */
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { setClock } from '../../../electron/engine/clock.ts'
import { deleteDataset } from '../../../electron/engine/datasets/delete-dataset.ts'
import { undoImport } from '../../../electron/engine/import/undo.ts'
import { buildCounts, resetBuildCounts } from '../../../electron/engine/indicators/aggregates.ts'
import { computeIndicators } from '../../../electron/engine/indicators/compute.ts'
import { importIndicators } from '../../../electron/engine/indicators/definitions.ts'
import { updateFlags } from '../../../electron/engine/quality/flags-update.ts'
import { runChecks } from '../../../electron/engine/quality/run-checks.ts'
import { openWorkspace, type Db } from '../../../electron/engine/store/database.ts'
import { saveUnits } from '../../../electron/engine/units/unit-store.ts'
import {
  ARREST_COLUMNS,
  caseNumber,
  definitionsText,
  importRows,
  JIANGSU,
  T_CONCLUDED_CASES,
  T_CONCLUDED_PERSONS,
  T_NON_ARREST,
  type Row,
  T_AVERAGE_DAYS,
  T_MEDIAN_DAYS,
} from '../../helpers/indicator-data.ts'
import { Random } from '../../helpers/seeded-random.ts'
import { tempDir } from '../../helpers/workspace.ts'

const TODAY = '2026-01-15'
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const DEFINITIONS = [T_NON_ARREST, T_CONCLUDED_PERSONS, T_CONCLUDED_CASES, T_AVERAGE_DAYS, T_MEDIAN_DAYS]
const IDS = DEFINITIONS.map((d) => d.id)
const PERIODS = ['2024Q1', '2024H1', '2024', '2024-02..2024-10']
const OUTCOMES = ['批准逮捕', '决定逮捕', '不批准逮捕', '不予决定逮捕']

/** 2024 arrests over the 江苏 units (and one unknown unit), several persons per case, within 7 days. */
function arrests(seed: number, count: number): Row[] {
  const rng = new Random(seed)
  const units = ['320102', '320105', '320205', '320211', '320100', '321300']
  const rows: Row[] = []
  for (let c = 0; rows.length < count; c++) {
    const unit = rng.pick(units)
    const base = Date.UTC(2024, 0, 1) + rng.int(0, 365) * DAY
    for (let p = rng.int(1, 3); p > 0 && rows.length < count; p--) {
      const concluded = base + rng.int(0, 40) * DAY
      rows.push({
        部门受案号: caseNumber('010101', unit, c),
        嫌疑人编号: `X${c}-${p}`,
        嫌疑人姓名: `嫌疑人${c}-${p}`,
        受理日期: iso(concluded - rng.int(0, 7) * DAY),
        审结处理结果: rng.pick(OUTCOMES),
        审结日期: iso(concluded),
      })
    }
  }
  return rows
}

/** Every figure of every test indicator, unit and period, with 同比 / 环比 and ranks. */
function figures(db: Db, options: { excludeFlagged?: boolean } = {}) {
  return PERIODS.flatMap((period) =>
    [false, true].flatMap((own) =>
      computeIndicators(
        db,
        { period, indicators: IDS, own, excludeFlagged: options.excludeFlagged ?? false, withClean: false },
        TODAY,
      ).results.map((r) => ({ ...r, own })),
    ),
  )
}

async function workspace(file: string, ...exports: Row[][]) {
  const db = openWorkspace(file)
  saveUnits(db, JIANGSU)
  importIndicators(db, definitionsText(...DEFINITIONS), TODAY)
  const batches = []
  for (const [i, rows] of exports.entries())
    batches.push(await importRows(db, path.dirname(file), `export-${i}.csv`, ARREST_COLUMNS, rows))
  return { db, batches }
}

const keyOf = (r: Row) => `${r['部门受案号']}|${r['嫌疑人编号']}`

beforeEach(() => {
  // A clock that moves, so a rebuilt aggregate gets a new built_at.
  let tick = 0
  setClock(() => new Date(Date.UTC(2026, 0, 15, 1) + tick++ * 1000))
})

describe('aggregates follow the data', () => {
  it('a re-import gives the figures of a fresh workspace with the final state; its undo the first figures', async () => {
    const dir = tempDir()
    const first = arrests(11, 120)
    // The newer export: 40 records again, every other one with a changed outcome or 审结日期 (a
    // different month), 25 new records; the other 80 records are absent and stay as they were.
    const newer = first.slice(0, 40).map((r, i) => {
      if (i % 4 === 0)
        return { ...r, 审结处理结果: r['审结处理结果'] === '批准逮捕' ? '不批准逮捕' : '批准逮捕' }
      if (i % 4 === 2) return { ...r, 审结日期: iso(Date.parse(r['审结日期']) + 35 * DAY) }
      return r
    })
    newer.push(...arrests(12, 25).map((r) => ({ ...r, 嫌疑人编号: `N${r['嫌疑人编号']}` })))
    const { db, batches } = await workspace(path.join(dir, 'a.db'), first)
    const before = figures(db)
    await importRows(db, dir, 'newer.csv', ARREST_COLUMNS, newer)
    const after = figures(db)

    const final = new Map(first.map((r) => [keyOf(r), r]))
    for (const r of newer) final.set(keyOf(r), r)
    const fresh = await workspace(path.join(tempDir(), 'fresh.db'), [...final.values()])
    expect(after).toEqual(figures(fresh.db))
    expect(after).not.toEqual(before)

    const newerBatch = (db.prepare('SELECT max(id) AS id FROM import_batches').get() as { id: number }).id
    expect(newerBatch).not.toBe(batches[0].batchId)
    undoImport(db, newerBatch)
    expect(figures(db)).toEqual(before)
    db.close()
    fresh.db.close()
  })

  it('appended imports are folded into the stored aggregates and match a fresh workspace each time', async () => {
    const dir = tempDir()
    const all = arrests(31, 240)
    // Four monthly exports: each repeats some earlier records (some changed) and adds new ones.
    const exports: Row[][] = [all.slice(0, 90)]
    exports.push([
      ...all.slice(60, 100).map((r, i) => (i % 3 === 0 ? { ...r, 审结处理结果: '不批准逮捕' } : r)),
      ...all.slice(100, 150),
    ])
    exports.push(all.slice(150, 200))
    exports.push([
      ...all.slice(0, 20).map((r) => ({ ...r, 审结日期: iso(Date.parse(r['审结日期']) + 40 * DAY) })),
      ...all.slice(200),
    ])
    const { db } = await workspace(path.join(dir, 'm.db'), exports[0])
    figures(db)
    const state = new Map<string, Row>(exports[0].map((r) => [keyOf(r), r]))
    for (const [i, rows] of exports.slice(1).entries()) {
      await importRows(db, dir, `month-${i}.csv`, ARREST_COLUMNS, rows)
      resetBuildCounts()
      const now = figures(db)
      // Persons, averages and medians were folded in; 件 rebuilt.
      expect(buildCounts.folded).toBeGreaterThan(0)
      expect(buildCounts.full).toBeGreaterThan(0)
      for (const r of rows) state.set(keyOf(r), r)
      const fresh = await workspace(path.join(tempDir(), `fresh-${i}.db`), [...state.values()])
      expect(now).toEqual(figures(fresh.db))
      fresh.db.close()
    }
    db.close()
  })

  it('excludeFlagged leaves out records with unresolved 错误 flags until they are reviewed as 误报', async () => {
    const dir = tempDir()
    const rows = arrests(21, 80)
    // Three known errors for rule R006 (审查逮捕 concluded more than 7 days after acceptance).
    const late = [3, 17, 42]
    for (const i of late) rows[i] = { ...rows[i], 受理日期: iso(Date.parse(rows[i]['审结日期']) - 20 * DAY) }
    const { db } = await workspace(path.join(dir, 'w.db'), rows)
    await runChecks(db, { rules: ['R006'], today: TODAY, now: '2026-01-15T01:00:00.000Z' })
    const flags = db.prepare(`SELECT id, suspect_id FROM quality_flags ORDER BY suspect_id`).all() as {
      id: number
      suspect_id: string
    }[]
    expect(flags.map((f) => f.suspect_id).sort()).toEqual(late.map((i) => rows[i]['嫌疑人编号']).sort())

    const count = (subset: Row[], outcomes: string[]) =>
      subset.filter((r) => r['审结日期'].startsWith('2024') && outcomes.includes(r['审结处理结果'])).length
    const expectFigures = (excluded: Row[]) => {
      const kept = rows.filter((r) => !excluded.includes(r))
      const notArrested = count(kept, ['不批准逮捕', '不予决定逮捕'])
      const all = count(kept, OUTCOMES)
      return { numerator: notArrested, denominator: all, value: (notArrested / all) * 100 }
    }
    const rate = (excludeFlagged: boolean) => {
      const [r] = computeIndicators(
        db,
        {
          period: '2024',
          indicators: ['T不捕率'],
          units: ['320000'],
          own: false,
          excludeFlagged,
          withClean: true,
        },
        TODAY,
      ).results
      return r
    }

    const flagged = late.map((i) => rows[i])
    expect(rate(false)).toMatchObject(expectFigures([]))
    expect(rate(true)).toMatchObject(expectFigures(flagged))
    const withClean = rate(false)
    expect(withClean.clean).toEqual(expectFigures(flagged))
    expect(withClean.qualityShift).toBeCloseTo(withClean.value! - expectFigures(flagged).value, 12)
    // 审结人数 drops exactly the flagged persons concluded in 2024 (all three, with this seed).
    const persons = (excludeFlagged: boolean) =>
      computeIndicators(
        db,
        {
          period: '2024',
          indicators: ['T审结人数'],
          units: ['320000'],
          own: false,
          excludeFlagged,
          withClean: false,
        },
        TODAY,
      ).results[0].value
    const flaggedIn2024 = flagged.filter((r) => r['审结日期'].startsWith('2024')).length
    expect(flaggedIn2024).toBe(3)
    expect(persons(true)).toBe(persons(false)! - flaggedIn2024)

    // One flag reviewed as 误报: that record counts again; then all of them.
    const first = flags.find((f) => f.suspect_id === rows[late[0]]['嫌疑人编号'])!
    updateFlags(db, { ids: [first.id], status: 'falsePositive', reviewer: '测试' })
    expect(rate(true)).toMatchObject(expectFigures(flagged.slice(1)))
    // 已确认 keeps a record out; 已整改 (rectified) no longer counts as unresolved.
    updateFlags(db, { ids: flags.map((f) => f.id), status: 'confirmed', reviewer: '测试' })
    expect(rate(true)).toMatchObject(expectFigures(flagged))
    updateFlags(db, { ids: flags.map((f) => f.id), status: 'rectified', reviewer: '测试' })
    expect(rate(true)).toMatchObject(expectFigures([]))
    expect(figures(db, { excludeFlagged: true })).toEqual(figures(db))
    db.close()
  })
})

describe('persisted aggregates', () => {
  it('a second connection reuses them; a change through either connection makes them stale', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'w.db')
    const { db } = await workspace(file, arrests(31, 90))
    const state = (d: Db) =>
      d
        .prepare(
          'SELECT dataset_id, variant, measure, stamp, built_at FROM indicator_aggregate_state ORDER BY measure',
        )
        .all()
    const cells = (d: Db) => d.prepare('SELECT count(*) AS n FROM indicator_aggregates').get()
    const computed = figures(db)
    const built = state(db)
    expect(built.length).toBeGreaterThan(0)

    const other = openWorkspace(file)
    expect(figures(other)).toEqual(computed)
    expect(state(other)).toEqual(built)
    expect(cells(other)).toEqual(cells(db))

    // A newer export through the second connection: the first one sees the new batch and rebuilds.
    const newer = arrests(31, 30).map((r) => ({ ...r, 审结处理结果: '不予决定逮捕' }))
    await importRows(other, dir, 'newer.csv', ARREST_COLUMNS, newer)
    const afterOther = figures(other)
    expect(afterOther).not.toEqual(computed)
    expect(figures(db)).toEqual(afterOther)
    const rebuilt = state(db) as { built_at: string; stamp: string }[]
    expect(rebuilt.map((s) => s.stamp)).not.toEqual((built as { stamp: string }[]).map((s) => s.stamp))
    other.close()
    db.close()
  })

  it('deleting the dataset leaves no aggregates, and a new import is computed afresh', async () => {
    const dir = tempDir()
    const { db, batches } = await workspace(path.join(dir, 'w.db'), arrests(41, 60))
    const before = figures(db)
    figures(db, { excludeFlagged: true })
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(count('indicator_aggregates')).toBeGreaterThan(0)
    expect(count('indicator_aggregate_state')).toBeGreaterThan(0)

    deleteDataset(db, batches[0].datasetId)
    expect(count('indicator_aggregates')).toBe(0)
    expect(count('indicator_aggregate_state')).toBe(0)
    const [gone] = computeIndicators(
      db,
      {
        period: '2024',
        indicators: ['T审结人数'],
        units: ['320000'],
        own: false,
        excludeFlagged: false,
        withClean: false,
      },
      TODAY,
    ).results
    expect(gone).toMatchObject({ value: null, unavailable: expect.stringContaining('没有审查逮捕') })

    // Different data imported into the emptied workspace (the dataset and batch may get the old ids).
    const other = arrests(42, 70)
    await importRows(db, dir, 'other.csv', ARREST_COLUMNS, other)
    const fresh = await workspace(path.join(tempDir(), 'fresh.db'), other)
    const now = figures(db)
    expect(now).toEqual(figures(fresh.db))
    expect(now).not.toEqual(before)
    db.close()
    fresh.db.close()
  })
})
