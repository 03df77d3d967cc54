import type { DatasetField, GridQuery, RecordPage, RecordRow } from '../../../shared/ipc/contract.ts'
import { currentRecordTotal } from '../datasets/record-totals.ts'
import { rawTable } from '../datasets/records-table.ts'
import { EngineError } from '../errors.ts'
import { get, type Db } from '../store/database.ts'
import { fragment, ident, sql, type Sql } from '../store/sql.ts'
import { orderBy, resolveQuery, type ResolvedQuery } from './record-query.ts'
import { idsAfter, type SortAnchor } from './sorted-keyset.ts'

/**
 * Per-connection memory of recent grid queries: the row count (counting a million rows on every
 * block request would dominate scrolling) and, for the default order, the last `_id` of every block
 * served, so the next block is a keyset seek (`_id > ?`) instead of an OFFSET scan. Both are dropped
 * whenever anything commits: another connection (an import; PRAGMA data_version changes) or this one
 * (an undo; total_changes() grows).
 */
interface QueryMemory {
  version: string
  total: number
  anchors: Map<number, number>
  /** The same for a one-field sort: where each block served ended (sorted-keyset.ts). */
  sortAnchors: Map<number, SortAnchor>
  /** Smallest current `_id` when the view's ids run without a gap (see `gaplessStart`), else null. */
  firstId?: number | null
}
const memories = new WeakMap<Db, Map<string, QueryMemory>>()

function memoryFor(db: Db, query: GridQuery): QueryMemory {
  let byQuery = memories.get(db)
  if (!byQuery) memories.set(db, (byQuery = new Map()))
  const version = `${db.pragma('data_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`
  const signature = JSON.stringify([query.datasetId, query.filters, query.sort, query.scope ?? null])
  let memory = byQuery.get(signature)
  if (!memory || memory.version !== version) {
    if (byQuery.size > 50) byQuery.clear()
    memory = { version, total: -1, anchors: new Map(), sortAnchors: new Map() }
    byQuery.set(signature, memory)
  }
  return memory
}

export function pageRecords(db: Db, query: GridQuery & { startRow: number; endRow: number }): RecordPage {
  if (query.endRow <= query.startRow || query.endRow - query.startRow > 5000) {
    throw new EngineError('BAD_ARGUMENT', '每次最多读取 5000 行。')
  }
  const resolved = resolveQuery(db, query)
  const memory = memoryFor(db, query)
  const unfiltered = Object.keys(query.filters).length === 0 && !query.scope
  if (memory.total < 0) {
    memory.total = unfiltered
      ? currentRecordTotal(db, query.datasetId)
      : get<{ n: number }>(
          db,
          sql`SELECT count(*) AS n FROM ${fragment(resolved.table)} WHERE ${fragment(resolved.where)}`,
        )!.n
  }
  const limit = query.endRow - query.startRow
  const from = sql`FROM ${fragment(resolved.table)} WHERE ${fragment(resolved.where)}`
  let idQuery: Sql | null = null
  let ids: number[] = []
  let reverse = false
  if (memory.firstId === undefined)
    memory.firstId = unfiltered && !resolved.sorted ? gaplessStart(db, resolved, memory.total) : null
  const anchor =
    memory.anchors.get(query.startRow) ??
    (memory.firstId !== null && query.startRow > 0 ? memory.firstId + query.startRow - 1 : undefined)
  const sortAnchor = resolved.sortKey ? memory.sortAnchors.get(query.startRow) : undefined
  if (sortAnchor) {
    ids = idsAfter(db, from, resolved.sortKey!, sortAnchor, limit)
  } else if (!resolved.sorted && (query.startRow === 0 || anchor !== undefined)) {
    idQuery = sql`SELECT _id ${fragment(from)} AND _id > ${anchor ?? 0} ORDER BY _id LIMIT ${limit}`
  } else if (query.startRow > memory.total / 2) {
    // Near the end, walking backwards from the last row is far shorter than an OFFSET from the top.
    reverse = true
    const offset = Math.max(0, memory.total - query.endRow)
    const take = Math.max(0, Math.min(limit, memory.total - query.startRow))
    idQuery = sql`SELECT _id ${fragment(from)} ${fragment(orderBy(resolved, 'reverse'))} LIMIT ${take} OFFSET ${offset}`
  } else {
    idQuery = sql`SELECT _id ${fragment(from)} ${fragment(orderBy(resolved, 'forward'))} LIMIT ${limit} OFFSET ${query.startRow}`
  }
  // Ids first, through the narrow indexes (an OFFSET over wide rows reads every skipped row), then
  // the 200 rows themselves.
  if (idQuery)
    ids = db
      .prepare(idQuery.text)
      .pluck(true)
      .all(...idQuery.values) as number[]
  if (reverse) ids.reverse()
  if (!resolved.sorted && ids.length > 0) memory.anchors.set(query.startRow + ids.length, ids[ids.length - 1])
  const rows = rowsById(db, resolved, ids)
  const last = rows.at(-1)
  if (resolved.sortKey && last)
    memory.sortAnchors.set(query.startRow + rows.length, {
      value: last[resolved.sortKey.position + 1],
      id: last[0] as number,
    })
  return { rows: toRows(db, query.datasetId, resolved.fields, rows), total: memory.total }
}

/**
 * The first current `_id` when the current ids run from it without a gap (a dataset loaded once, never
 * updated or undone: the usual case), else null. Then the row at any position is simply that id plus
 * the position, so a jump into the middle of a million rows (the scrollbar dragged) is a seek instead
 * of an OFFSET walking half a million index entries. Two seeks on the current-id index decide it.
 */
function gaplessStart(db: Db, resolved: ResolvedQuery, total: number): number | null {
  if (total === 0) return null
  const span = get<{ first: number; last: number }>(
    db,
    sql`SELECT (SELECT min(_id) FROM ${fragment(resolved.table)} WHERE _superseded_by IS NULL) AS first,
               (SELECT max(_id) FROM ${fragment(resolved.table)} WHERE _superseded_by IS NULL) AS last`,
  )!
  return span.last - span.first + 1 === total ? span.first : null
}

/** The full rows of the given ids, in the given order. */
function rowsById(db: Db, resolved: ResolvedQuery, ids: number[]): unknown[][] {
  if (ids.length === 0) return []
  const q = sql`SELECT ${fragment(selectColumns(resolved.fields))} FROM ${fragment(resolved.table)}
                WHERE _id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
  const byId = new Map<number, unknown[]>()
  for (const row of db
    .prepare(q.text)
    .raw(true)
    .all(...q.values) as unknown[][])
    byId.set(row[0] as number, row)
  return ids.map((id) => byId.get(id)!).filter((row) => row !== undefined)
}

export function getRecord(db: Db, datasetId: number, recordId: number): RecordRow {
  const resolved = resolveQuery(db, { datasetId, filters: {}, sort: [] })
  const q = sql`SELECT ${fragment(selectColumns(resolved.fields))} FROM ${fragment(resolved.table)} WHERE _id = ${recordId}`
  const row = db
    .prepare(q.text)
    .raw(true)
    .get(...q.values) as unknown[] | undefined
  if (!row) throw new EngineError('NOT_FOUND', `记录 ${recordId} 不存在，可能已被撤销的导入删除。`)
  return toRows(db, datasetId, resolved.fields, [row])[0]
}

export function selectColumns(fields: DatasetField[]): Sql {
  const parts = fields.map((f) => ident(f.column))
  let text = '_id'
  for (const p of parts) text += `, ${sql`${p}`.text}`
  return { text, values: [] }
}

/** Converts raw SQLite rows to grid rows keyed by field name, booleans as 是/否, with original texts. */
export function toRows(db: Db, datasetId: number, fields: DatasetField[], raw: unknown[][]): RecordRow[] {
  const rawTexts = originalTexts(
    db,
    datasetId,
    raw.map((r) => r[0] as number),
  )
  return raw.map((values) => {
    const row: RecordRow = { _id: values[0] as number }
    fields.forEach((f, i) => {
      const v = values[i + 1]
      row[f.name] = f.type === 'boolean' && v !== null ? (v === 1 ? '是' : '否') : v
    })
    const original = rawTexts.get(row._id)
    if (original) row._raw = original
    return row
  })
}

function originalTexts(db: Db, datasetId: number, ids: number[]): Map<number, Record<string, string>> {
  const result = new Map<number, Record<string, string>>()
  if (ids.length === 0) return result
  const q = sql`SELECT record_id, cells FROM ${ident(rawTable(datasetId))} WHERE record_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
  for (const r of db.prepare(q.text).all(...q.values) as { record_id: number; cells: string }[]) {
    result.set(r.record_id, JSON.parse(r.cells) as Record<string, string>)
  }
  return result
}

export type { ResolvedQuery }
