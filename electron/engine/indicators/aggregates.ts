/**
 * Pre-aggregated measures: for each measure, per unit and month, the count `n` and the sum `s` of the
 * records it selects — what every dashboard figure is summed from. Aggregates are built by one
 * GROUP BY scan per (dataset, date field) over current records, kept in `indicator_aggregates` and in
 * memory, and stamped with the committed batches they saw (plus the flag state, for the variant
 * without flagged records): any import, undo or review change makes them stale, and the next request
 * rebuilds exactly the stale ones.
 *
 * 件 (cases) are not additive over months when a case's persons fall in different months, so a case
 * counts once, in the month of its earliest matching record: then months add up to any window.
 */
import { recordsTable } from '../datasets/records-table.ts'
import { nowIso } from '../clock.ts'
import { get, run, type Db } from '../store/database.ts'
import { fragment, ident, join, sql, type Sql } from '../store/sql.ts'
import { runScanJobs, scanThreads } from '../quality/scan-pool.ts'
import type { ResolvedMeasure } from './measures.ts'

export type Variant = 'all' | 'clean'

/**
 * One measure's aggregates: per unit code and month index, n and s — or, for a median, how many
 * records have each value (n records with value s), so medians of any window and unit set come from
 * merged histograms instead of re-reading records (办案天数 take a few hundred distinct values).
 */
export interface MeasureAggregate {
  key: string
  histogram: boolean
  cells: Map<string, Map<number, { n: number; s: number }>>
  values: Map<string, Map<number, Map<number, number>>>
}

const emptyAggregate = (key: string, histogram: boolean): MeasureAggregate => ({
  key,
  histogram,
  cells: new Map(),
  values: new Map(),
})

interface Cached {
  stamp: string
  aggregate: MeasureAggregate
}
const memory = new WeakMap<Db, Map<string, Cached>>()

/**
 * The committed batches of a dataset, with their files' sha256: changes with every import and undo.
 * Ids alone are not enough: a deleted dataset's id and batch ids are reused by the next import, and
 * the in-memory aggregates of the deleted one would pass for the new data's.
 */
function datasetStamp(db: Db, datasetId: number): string {
  return (
    get<{ s: string | null }>(
      db,
      sql`SELECT group_concat(b, ',') AS s FROM (SELECT id || ':' || sha256 AS b FROM import_batches
          WHERE dataset_id = ${datasetId} AND status = 'committed' ORDER BY id)`,
    )?.s ?? ''
  )
}

/** Unresolved 错误 flags: open or confirmed (rectified and false positives no longer count). */
const UNRESOLVED = sql`severity = 'error' AND status IN ('open', 'confirmed')`

function flagStamp(db: Db, datasetId: number): string {
  const row = get<Record<string, unknown>>(
    db,
    sql`SELECT count(*) AS n, max(id) AS last, max(reviewed_at) AS reviewed, max(last_seen) AS seen,
               total(${fragment(UNRESOLVED)}) AS unresolved
        FROM quality_flags WHERE dataset_id = ${datasetId}`,
  )
  return JSON.stringify(row)
}

export function stampOf(db: Db, datasetId: number, variant: Variant): string {
  const batches = datasetStamp(db, datasetId)
  return variant === 'all' ? batches : `${batches}|${flagStamp(db, datasetId)}`
}

/** What a request needs built: measures to build from scratch, and appended imports to fold in. */
interface Work {
  stamp: string
  maxId: number
  found: Map<string, MeasureAggregate>
  full: ResolvedMeasure[]
  deltas: Delta[]
}

/**
 * A measure whose stored aggregates saw an earlier state of the same batches, with imports appended
 * since (no undo in between): those imports' rows are added and the rows they superseded taken away.
 * 件 measures are never folded (a case's earliest month can move), only rebuilt.
 */
interface Delta {
  measure: ResolvedMeasure
  base: MeasureAggregate
  oldMaxId: number
  newBatches: number[]
}

const batchIds = (stamp: string) => (stamp === '' ? [] : stamp.split(',').map((b) => Number(b.split(':')[0])))

/** The aggregates of the measures that are current in memory or in the workspace, and what to build. */
function lookup(db: Db, datasetId: number, variant: Variant, measures: readonly ResolvedMeasure[]): Work {
  let cache = memory.get(db)
  if (!cache) memory.set(db, (cache = new Map()))
  const stamp = stampOf(db, datasetId, variant)
  const maxId =
    get<{ m: number | null }>(db, sql`SELECT max(_id) AS m FROM ${ident(recordsTable(datasetId))}`)?.m ?? 0
  const work: Work = { stamp, maxId, found: new Map(), full: [], deltas: [] }
  for (const m of new Map(measures.map((m) => [m.key, m])).values()) {
    const cacheKey = `${datasetId}:${variant}:${m.key}`
    const cached = cache.get(cacheKey)
    if (cached?.stamp === stamp) {
      work.found.set(m.key, cached.aggregate)
      continue
    }
    const stored = get<{ stamp: string; max_id: number | null }>(
      db,
      sql`SELECT stamp, max_id FROM indicator_aggregate_state
          WHERE dataset_id = ${datasetId} AND variant = ${variant} AND measure = ${m.key}`,
    )
    if (stored?.stamp === stamp) {
      const aggregate = loadAggregate(db, datasetId, variant, m)
      cache.set(cacheKey, { stamp, aggregate })
      work.found.set(m.key, aggregate)
    } else if (
      stored &&
      stored.max_id !== null &&
      variant === 'all' &&
      m.kind !== 'cases' &&
      stored.stamp !== '' &&
      stamp.startsWith(`${stored.stamp},`)
    ) {
      const base =
        cached?.stamp === stored.stamp ? cached.aggregate : loadAggregate(db, datasetId, variant, m)
      const known = new Set(batchIds(stored.stamp))
      work.deltas.push({
        measure: m,
        base,
        oldMaxId: stored.max_id,
        newBatches: batchIds(stamp).filter((id) => !known.has(id)),
      })
    } else work.full.push(m)
  }
  return work
}

/** The statements of a request's work, and the aggregates they fill in. */
function planWork(
  datasetId: number,
  variant: Variant,
  work: Work,
): { steps: BuildStep[]; built: MeasureAggregate[] } {
  const built = new Map<string, MeasureAggregate>()
  for (const m of work.full) built.set(m.key, emptyAggregate(m.key, m.kind === 'median'))
  const steps = planBuild(datasetId, work.full, variantSql(datasetId, variant), 1, built)
  const groups = new Map<string, Delta[]>()
  for (const d of work.deltas) {
    built.set(d.measure.key, cloneAggregate(d.base))
    const key = `${d.oldMaxId}|${d.newBatches.join(',')}`
    groups.set(key, [...(groups.get(key) ?? []), d])
  }
  for (const deltas of groups.values()) {
    const { oldMaxId, newBatches } = deltas[0]
    const measures = deltas.map((d) => d.measure)
    const superseded = join(
      newBatches.map((id) => sql`${id}`),
      ', ',
    )
    // Rows the new imports added (still current) in, rows they replaced out.
    steps.push(...planBuild(datasetId, measures, sql`_superseded_by IS NULL AND _id > ${oldMaxId}`, 1, built))
    steps.push(
      ...planBuild(
        datasetId,
        measures,
        sql`_id <= ${oldMaxId} AND _superseded_by IN (${fragment(superseded)})`,
        -1,
        built,
      ),
    )
  }
  return { steps, built: [...built.values()] }
}

function cloneAggregate(a: MeasureAggregate): MeasureAggregate {
  const copy = emptyAggregate(a.key, a.histogram)
  for (const [unit, months] of a.cells)
    copy.cells.set(unit, new Map([...months].map(([m, c]) => [m, { ...c }])))
  for (const [unit, months] of a.values)
    copy.values.set(unit, new Map([...months].map(([m, counts]) => [m, new Map(counts)])))
  return copy
}

/** Measures built from scratch and folded in since the last reset: for the bench and tests. */
export const buildCounts = { full: 0, folded: 0 }
export function resetBuildCounts(): void {
  buildCounts.full = 0
  buildCounts.folded = 0
}

function keep(db: Db, datasetId: number, variant: Variant, work: Work, built: MeasureAggregate[]): void {
  buildCounts.full += work.full.length
  buildCounts.folded += work.deltas.length
  persist(db, datasetId, variant, work.stamp, work.maxId, built)
  const cache = memory.get(db)!
  for (const aggregate of built) {
    cache.set(`${datasetId}:${variant}:${aggregate.key}`, { stamp: work.stamp, aggregate })
    work.found.set(aggregate.key, aggregate)
  }
}

/** The aggregates of the given measures (all of one dataset), building the stale ones on this thread. */
export function aggregatesFor(
  db: Db,
  datasetId: number,
  variant: Variant,
  measures: readonly ResolvedMeasure[],
): Map<string, MeasureAggregate> {
  // One read snapshot for the stamp, the largest id and the scans, so they describe the same state.
  return db.transaction(() => {
    const work = lookup(db, datasetId, variant, measures)
    if (work.full.length + work.deltas.length > 0) {
      const plan = planWork(datasetId, variant, work)
      for (const step of plan.steps)
        step.apply(
          db
            .prepare(step.query.text)
            .raw(true)
            .all(...step.query.values) as unknown[][],
        )
      keep(db, datasetId, variant, work, plan.built)
    }
    return work.found
  })()
}

const inFlight = new WeakMap<Db, Map<string, Promise<void>>>()

/**
 * Builds the stale aggregates of the measures on scan threads (their own read connections), so a
 * large workspace's first dashboard neither blocks the engine nor uses one core only; the
 * synchronous path then finds them current. Concurrent requests for the same stamp share one build.
 */
export async function warmAggregates(
  db: Db,
  dbPath: string,
  datasetId: number,
  variant: Variant,
  measures: readonly ResolvedMeasure[],
): Promise<void> {
  const work = lookup(db, datasetId, variant, measures)
  if (work.full.length + work.deltas.length === 0 || dbPath === ':memory:') return
  let flights = inFlight.get(db)
  if (!flights) inFlight.set(db, (flights = new Map()))
  const stale = [...work.full, ...work.deltas.map((d) => d.measure)]
  const flightKey = `${datasetId}:${variant}:${work.stamp}:${stale.map((m) => m.key).join(',')}`
  let flight = flights.get(flightKey)
  if (!flight) {
    flight = (async () => {
      const plan = planWork(datasetId, variant, work)
      const jobs = plan.steps.map((step) => ({
        job: { type: 'scan' as const, statement: { setup: [], query: step.query, cleanup: [] } },
        waits: false,
      }))
      const rows = await runScanJobs(dbPath, jobs, scanThreads())
      // Nothing may have committed meanwhile: a newer stamp means these rows are already stale.
      if (stampOf(db, datasetId, variant) !== work.stamp) return
      plan.steps.forEach((step, i) => step.apply(rows[i] as unknown[][]))
      keep(db, datasetId, variant, work, plan.built)
    })().finally(() => flights.delete(flightKey))
    flights.set(flightKey, flight)
  }
  await flight
}

function loadAggregate(db: Db, datasetId: number, variant: Variant, m: ResolvedMeasure): MeasureAggregate {
  const key = m.key
  const aggregate = emptyAggregate(key, m.kind === 'median')
  const rows = db
    .prepare(
      `SELECT unit, month, n, s FROM indicator_aggregates WHERE dataset_id = ? AND variant = ? AND measure = ?`,
    )
    .raw()
    .all(datasetId, variant, key) as [string, number, number, number | null][]
  for (const [unit, month, n, s] of rows)
    if (aggregate.histogram) addValue(aggregate, unit, month, s ?? 0, n)
    else add(aggregate, unit, month, n, s ?? 0)
  return aggregate
}

function addValue(aggregate: MeasureAggregate, unit: string, month: number, value: number, n: number): void {
  let byMonth = aggregate.values.get(unit)
  if (!byMonth) aggregate.values.set(unit, (byMonth = new Map()))
  let counts = byMonth.get(month)
  if (!counts) byMonth.set(month, (counts = new Map()))
  counts.set(value, (counts.get(value) ?? 0) + n)
}

function add(aggregate: MeasureAggregate, unit: string, month: number, n: number, s: number): void {
  let byMonth = aggregate.cells.get(unit)
  if (!byMonth) aggregate.cells.set(unit, (byMonth = new Map()))
  const cell = byMonth.get(month)
  if (cell) {
    cell.n += n
    cell.s += s
  } else byMonth.set(month, { n, s })
}

/** 'YYYY-MM-DD' → month index, in SQL. */
export const monthSql = (dateColumn: string) =>
  sql`(CAST(substr(${ident(dateColumn)}, 1, 4) AS INTEGER) * 12 + CAST(substr(${ident(dateColumn)}, 6, 2) AS INTEGER) - 1)`
/** Only well-formed dates place a record in a month (an unparsed cell is NULL anyway). */
export const dateGuardSql = (dateColumn: string) =>
  sql`${ident(dateColumn)} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'`
export const unitSql = (m: ResolvedMeasure) =>
  m.unitColumn ? sql`coalesce(${ident(m.unitColumn)}, '')` : sql`''`
export const filterSql = (m: ResolvedMeasure): Sql => (m.filter ? sql`(${fragment(m.filter)})` : sql`1`)

/** Records of the dataset a variant reads: current ones, minus those with unresolved 错误 flags for 'clean'. */
export function variantSql(datasetId: number, variant: Variant): Sql {
  if (variant === 'all') return sql`_superseded_by IS NULL`
  return sql`_superseded_by IS NULL AND (_key IS NULL OR _key NOT IN (
    SELECT record_key FROM quality_flags WHERE dataset_id = ${datasetId} AND ${fragment(UNRESOLVED)}))`
}

interface BuildStep {
  query: Sql
  apply(rows: unknown[][]): void
}

/**
 * The GROUP BY statements that add (sign 1) or take away (−1) the given rows' contributions to the
 * measures' aggregates in `built`, one per (date field, kind of measure), each with how to fold its
 * rows in: run on this thread or on scan threads alike.
 */
function planBuild(
  datasetId: number,
  measures: ResolvedMeasure[],
  rows: Sql,
  sign: 1 | -1,
  built: Map<string, MeasureAggregate>,
): BuildStep[] {
  const table = ident(recordsTable(datasetId))
  const byDate = new Map<string, ResolvedMeasure[]>()
  for (const m of measures) byDate.set(m.dateColumn, [...(byDate.get(m.dateColumn) ?? []), m])
  const steps: BuildStep[] = []
  for (const [dateColumn, group] of byDate) {
    const where = sql`${fragment(rows)} AND ${fragment(dateGuardSql(dateColumn))}`
    const month = monthSql(dateColumn)
    for (const m of group.filter((g) => g.kind === 'median')) {
      steps.push({
        query: sql`SELECT u, m, v, count(*) FROM (
                     SELECT ${fragment(unitSql(m))} AS u, ${fragment(month)} AS m, ${fragment(m.value!)} AS v
                     FROM ${table} WHERE ${fragment(where)} AND ${fragment(filterSql(m))})
                   WHERE v IS NOT NULL GROUP BY u, m, v`,
        apply: (rows) => {
          for (const [unit, mo, v, n] of rows as [string, number, number, number][])
            addValue(built.get(m.key)!, unit, mo, v, sign * n)
        },
      })
    }
    const records = group.filter((m) => m.kind !== 'cases' && m.kind !== 'median')
    if (records.length > 0) {
      const columns = records.map((m) => {
        if (m.kind === 'persons') return sql`total(CASE WHEN ${fragment(filterSql(m))} THEN 1 END), NULL`
        const value = sql`CASE WHEN ${fragment(filterSql(m))} THEN ${fragment(m.value!)} END`
        return sql`count(${fragment(value)}), total(${fragment(value)})`
      })
      // Every measure of the group shares the unit column (same dataset).
      steps.push({
        query: sql`SELECT ${fragment(unitSql(records[0]))} AS u, ${fragment(month)} AS m, ${fragment(join(columns, ', '))}
                   FROM ${table} WHERE ${fragment(where)} GROUP BY u, m`,
        apply: (rows) => {
          for (const row of rows) {
            const unit = row[0] as string
            const mo = row[1] as number
            records.forEach((measure, i) => {
              const n = row[2 + i * 2] as number
              if (n !== 0)
                add(
                  built.get(measure.key)!,
                  unit,
                  mo,
                  sign * n,
                  sign * ((row[3 + i * 2] as number | null) ?? 0),
                )
            })
          }
        },
      })
    }
    const cases = group.filter((m) => m.kind === 'cases')
    if (cases.length > 0) {
      // Each case once, in the month of its earliest matching record; counted per unit and month in SQL,
      // so only a few thousand rows leave SQLite.
      const caseKey = cases[0].caseColumn
        ? sql`coalesce(${ident(cases[0].caseColumn)}, '#' || _id)`
        : sql`_id`
      const firsts = cases.map(
        (m, i) =>
          sql`min(CASE WHEN ${fragment(filterSql(m))} THEN ${fragment(month)} END) AS ${ident(`m${i}`)}`,
      )
      const counts = cases.map(
        (_, i) =>
          sql`SELECT ${i}, u, ${ident(`m${i}`)}, count(*) FROM c WHERE ${ident(`m${i}`)} IS NOT NULL GROUP BY u, ${ident(`m${i}`)}`,
      )
      steps.push({
        query: sql`WITH c AS MATERIALIZED (
                     SELECT min(${fragment(unitSql(cases[0]))}) AS u, ${fragment(join(firsts, ', '))}
                     FROM ${table} WHERE ${fragment(where)} GROUP BY ${fragment(caseKey)})
                   ${fragment(join(counts, ' UNION ALL '))}`,
        apply: (rows) => {
          for (const [i, unit, mo, n] of rows as [number, string, number, number][])
            add(built.get(cases[i].key)!, unit, mo, sign * n, 0)
        },
      })
    }
  }
  return steps
}

/**
 * Saves the aggregates for the next start. A busy workspace (an import holding the write lock) only
 * skips this: the aggregates stay in memory and are still correct.
 */
function persist(
  db: Db,
  datasetId: number,
  variant: Variant,
  stamp: string,
  maxId: number,
  built: MeasureAggregate[],
): void {
  try {
    db.transaction(() => {
      const insert = db.prepare(
        `INSERT INTO indicator_aggregates (dataset_id, variant, measure, unit, month, n, s) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      for (const aggregate of built) {
        run(
          db,
          sql`DELETE FROM indicator_aggregates
              WHERE dataset_id = ${datasetId} AND variant = ${variant} AND measure = ${aggregate.key}`,
        )
        for (const [unit, months] of aggregate.cells)
          for (const [month, { n, s }] of months)
            if (n !== 0 || s !== 0) insert.run(datasetId, variant, aggregate.key, unit, month, n, s)
        for (const [unit, months] of aggregate.values)
          for (const [month, counts] of months)
            for (const [value, n] of counts)
              if (n !== 0) insert.run(datasetId, variant, aggregate.key, unit, month, n, value)
        run(
          db,
          sql`INSERT INTO indicator_aggregate_state (dataset_id, variant, measure, stamp, max_id, built_at)
              VALUES (${datasetId}, ${variant}, ${aggregate.key}, ${stamp}, ${maxId}, ${nowIso()})
              ON CONFLICT (dataset_id, variant, measure)
              DO UPDATE SET stamp = excluded.stamp, max_id = excluded.max_id, built_at = excluded.built_at`,
        )
      }
    })()
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')))
      throw error
  }
}
