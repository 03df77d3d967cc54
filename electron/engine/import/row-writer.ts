import { createHash } from 'node:crypto'
import type { FieldType } from '../../../shared/domain/fields.ts'
import type { DatasetField } from '../../../shared/ipc/contract.ts'
import { parseCell } from '../../../shared/values/parse-cell.ts'
import { rawTable, recordsTable } from '../datasets/records-table.ts'
import type { Db } from '../store/database.ts'
import type { IssueLog } from './issue-log.ts'
import type { ColumnPlan } from './plan-fields.ts'
import { unitCodeFromCaseNumber } from './unit-code.ts'

const PARSE_FAILURE: Record<FieldType, string> = {
  date: '无法识别的日期',
  integer: '不是整数',
  decimal: '不是数字',
  boolean: '不是“是/否”值',
  text: '无法识别的值',
  code: '无法识别的值',
  set: '无法识别的值',
}

export interface RowCounts {
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
}

export interface RowWriterSetup {
  db: Db
  datasetId: number
  batchId: number
  /** Every field of the dataset, in position order (columns c1 … cN). */
  fields: DatasetField[]
  /** The file's columns mapped to fields. */
  plan: ColumnPlan[]
  keyFields: string[]
  /** True when the dataset had no current records: no lookups needed. */
  datasetWasEmpty: boolean
  issues: IssueLog
}

/**
 * Turns the cells of one file row into a record version: parses each cell by its field's type,
 * keeps the original text of cells it changed or could not parse, and decides by record key (keyed
 * datasets) or row fingerprint (generic ones) whether the row is new, an update or unchanged.
 */
export class RowWriter {
  readonly counts: RowCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 }
  private readonly width: number
  private readonly slot: Map<string, number>
  private readonly keySlots: number[]
  private readonly unitSlot: number
  private readonly caseNumberSlot: number
  private readonly planSlots: number[]
  private readonly seenKeys = new Map<string, number>()
  private readonly values: unknown[]
  /** Slots of fields this export does not carry: on an update they keep the previous version's values. */
  private readonly carriedSlots: number[]
  private readonly findRaw
  private readonly existingHashes = new Map<string, number>()
  private readonly insert
  private readonly insertRaw
  private readonly findByKey
  private readonly supersede

  constructor(private readonly setup: RowWriterSetup) {
    const { db, datasetId, fields, plan, keyFields } = setup
    this.width = fields.length
    this.values = new Array(this.width + 4).fill(null)
    this.slot = new Map(fields.map((f, i) => [f.name, i]))
    this.keySlots = keyFields.map((name) => this.slot.get(name) ?? -1)
    const planned = new Set(plan.map((p) => p.field.name))
    this.unitSlot = planned.has('承办单位') ? -1 : (this.slot.get('承办单位') ?? -1)
    this.caseNumberSlot = this.slot.get('部门受案号') ?? -1
    this.planSlots = plan.map((p) => this.slot.get(p.field.name)!)
    const plannedSlots = new Set(this.planSlots)
    this.carriedSlots = fields.map((_, s) => s).filter((s) => !plannedSlots.has(s) && s !== this.unitSlot)
    const table = `"${recordsTable(datasetId)}"`
    const columns = fields.map((f) => `"${f.column}"`)
    this.insert = db.prepare(
      // Engine columns last, so a row's values array is passed as is (no spread of ~130 arguments).
      `INSERT INTO ${table} (${columns.join(', ')}, _batch, _row, _key, _hash) VALUES (?${', ?'.repeat(this.width + 3)})`,
    )
    this.insertRaw = db.prepare(`INSERT INTO "${rawTable(datasetId)}" (record_id, cells) VALUES (?, ?)`)
    this.findByKey = db
      .prepare(`SELECT _id, ${columns.join(', ')} FROM ${table} WHERE _key = ? AND _superseded_by IS NULL`)
      .raw(true)
    this.findRaw = db.prepare(`SELECT cells FROM "${rawTable(datasetId)}" WHERE record_id = ?`).pluck(true)
    this.supersede = db.prepare(`UPDATE ${table} SET _superseded_by = ? WHERE _id = ?`)
    if (keyFields.length === 0 && !setup.datasetWasEmpty) {
      for (const row of db
        .prepare(`SELECT _hash, count(*) FROM ${table} WHERE _superseded_by IS NULL GROUP BY _hash`)
        .raw(true)
        .iterate() as Iterable<[string, number]>) {
        this.existingHashes.set(row[0], row[1])
      }
    }
  }

  write(line: number, cells: string[]): void {
    const { plan, issues } = this.setup
    this.counts.rows += 1
    // One array reused for every row: better-sqlite3 copies the values when binding, and a million
    // rows of ~130-slot arrays would otherwise keep the garbage collector busy.
    const values = this.values.fill(null)
    let raw: Record<string, string> | null = null
    for (let i = 0; i < plan.length; i++) {
      const text = cells[plan[i].index]
      if (text === undefined || text === '') continue
      const field = plan[i].field
      const parsed = parseCell(field.type, text, field.role)
      values[this.planSlots[i]] = parsed.value
      if (!parsed.ok)
        issues.add(line, field.name, text, `${PARSE_FAILURE[field.type]}「${text}」，已保留原文`)
      if (!parsed.ok || parsed.canonical !== text) (raw ??= {})[field.name] = text
    }
    if (cells.length > plan.length) {
      const extra = cells.slice(plan.length).filter((c) => c !== '')
      if (extra.length > 0) {
        ;(raw ??= {})['（表头以外的单元格）'] = JSON.stringify(extra)
        issues.add(line, null, null, `本行比表头多出 ${extra.length} 个非空单元格，已保留原文`)
      }
    }
    if (this.unitSlot >= 0 && this.caseNumberSlot >= 0) {
      const caseNumber = values[this.caseNumberSlot]
      values[this.unitSlot] = typeof caseNumber === 'string' ? unitCodeFromCaseNumber(caseNumber) : null
    }
    if (this.keySlots.length > 0) this.writeKeyed(line, values, raw)
    else this.writeGeneric(line, values, raw)
  }

  private writeKeyed(line: number, values: unknown[], raw: Record<string, string> | null): void {
    const parts = this.keySlots.map((s) => (s >= 0 ? values[s] : null))
    const key = parts.every((p) => p !== null && p !== '') ? parts.join('\u0001') : null
    if (key === null) {
      this.setup.issues.add(
        line,
        this.setup.keyFields.join('、'),
        null,
        '缺少记录键（部门受案号、嫌疑人编号），已导入，但重新导入时无法按键更新',
      )
      this.store(line, null, null, values, raw)
      this.counts.inserted += 1
      return
    }
    if (this.setup.datasetWasEmpty) {
      // First load of a dataset: nothing to update, and repeated keys are found by one query at the
      // end (reportDuplicateKeys) rather than by a million-entry map held in memory.
      this.store(line, key, null, values, raw)
      this.counts.inserted += 1
      return
    }
    const firstLine = this.seenKeys.get(key)
    if (firstLine !== undefined) {
      this.reportDuplicate(line, parts.join(' / '), firstLine)
      this.store(line, key, null, values, raw)
      this.counts.inserted += 1
      return
    }
    this.seenKeys.set(key, line)
    const current = this.findByKey.all(key) as unknown[][]
    if (current.length === 0) {
      this.store(line, key, null, values, raw)
      this.counts.inserted += 1
      return
    }
    // Fields this export does not carry keep their previous values: a narrower export is not an erasure.
    const previous = current[current.length - 1]
    for (const s of this.carriedSlots) values[s] = previous[s + 1]
    if (current.length === 1 && sameValues(previous, values, this.width)) {
      this.counts.unchanged += 1
      return
    }
    for (const old of current) this.supersede.run(this.setup.batchId, old[0])
    this.store(line, key, null, values, this.carryOriginalTexts(previous[0] as number, raw))
    this.counts.updated += 1
  }

  /** Original texts of the carried-over fields travel with them into the new version. */
  private carryOriginalTexts(
    previousId: number,
    raw: Record<string, string> | null,
  ): Record<string, string> | null {
    if (this.carriedSlots.length === 0) return raw
    const cells = this.findRaw.get(previousId) as string | undefined
    if (!cells) return raw
    const previousRaw = JSON.parse(cells) as Record<string, string>
    for (const s of this.carriedSlots) {
      const name = this.setup.fields[s].name
      if (previousRaw[name] !== undefined) (raw ??= {})[name] = previousRaw[name]
    }
    return raw
  }

  private reportDuplicate(line: number, key: string, firstLine: number): void {
    this.setup.issues.add(
      line,
      this.setup.keyFields.join('、'),
      key,
      `记录键与第 ${firstLine} 行重复，两行均已保留，请核对`,
    )
  }

  /** After a first load (once the key index exists): reports rows whose key an earlier row of the file had. */
  reportDuplicateKeys(): void {
    if (!this.setup.datasetWasEmpty || this.keySlots.length === 0) return
    const table = `"${recordsTable(this.setup.datasetId)}"`
    const groups = this.setup.db
      .prepare(
        `SELECT _key, json_group_array(_row) FROM (SELECT _key, _row FROM ${table} WHERE _batch = ? AND _key IS NOT NULL ORDER BY _key, _row)
         GROUP BY _key HAVING count(*) > 1`,
      )
      .raw(true)
      .iterate(this.setup.batchId) as Iterable<[string, string]>
    const found: [number, string, number][] = []
    for (const [key, linesJson] of groups) {
      const lines = JSON.parse(linesJson) as number[]
      for (const line of lines.slice(1)) found.push([line, key.replace('\u0001', ' / '), lines[0]])
    }
    found.sort((a, b) => a[0] - b[0])
    for (const [line, key, firstLine] of found) this.reportDuplicate(line, key, firstLine)
  }

  private writeGeneric(line: number, values: unknown[], raw: Record<string, string> | null): void {
    const hash = createHash('md5')
      .update(JSON.stringify(values.slice(0, this.width)))
      .digest('base64')
    const remaining = this.existingHashes.get(hash) ?? 0
    if (remaining > 0) {
      // The same row is already in the dataset from an earlier import: count it, do not duplicate it.
      this.existingHashes.set(hash, remaining - 1)
      this.counts.unchanged += 1
      return
    }
    this.store(line, null, hash, values, raw)
    this.counts.inserted += 1
  }

  private store(
    line: number,
    key: string | null,
    hash: string | null,
    values: unknown[],
    raw: Record<string, string> | null,
  ) {
    values[this.width] = this.setup.batchId
    values[this.width + 1] = line
    values[this.width + 2] = key
    values[this.width + 3] = hash
    const result = this.insert.run(values)
    if (raw) this.insertRaw.run(result.lastInsertRowid, JSON.stringify(raw))
  }
}

/** Compares a stored row (`[_id, c1 … cN]`) with new values; numbers and texts compare by value. */
function sameValues(stored: unknown[], values: unknown[], width: number): boolean {
  for (let i = 0; i < width; i++) {
    const a = stored[i + 1]
    const b = values[i]
    if (a === b) continue
    if (a === null || b === null || a === undefined || b === undefined) return false
    if (String(a) !== String(b)) return false
  }
  return true
}
