import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { GridQuery } from '../../../shared/ipc/contract.ts'
import { csvField } from '../../../shared/format/spreadsheet-safe.ts'
import { audit } from '../audit/audit-log.ts'
import { getDataset } from '../datasets/dataset-store.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { fragment, sql } from '../store/sql.ts'
import { orderBy, resolveQuery } from './record-query.ts'
import { selectColumns } from './page.ts'

/**
 * Writes the grid's current view (filters, sort, chosen fields) as a UTF-8 CSV with BOM, which both
 * Excel and WPS open correctly, into the workspace's export folder. Returns the file's id there.
 */
export function exportCsv(
  db: Db,
  exportDir: string,
  query: GridQuery & { fields?: string[] },
): { file: string; name: string; rows: number } {
  const dataset = getDataset(db, query.datasetId)
  const resolved = resolveQuery(db, query)
  const chosen = query.fields ? new Set(query.fields) : null
  const wanted = resolved.fields.map((f, i) => ({ f, i })).filter(({ f }) => !chosen || chosen.has(f.name))
  if (wanted.length === 0) throw new EngineError('BAD_ARGUMENT', '没有选择要导出的列。')
  fs.mkdirSync(exportDir, { recursive: true })
  const file = `${randomUUID()}.csv`
  const target = path.join(exportDir, file)
  const q = sql`SELECT ${fragment(selectColumns(resolved.fields))} FROM ${fragment(resolved.table)}
                WHERE ${fragment(resolved.where)} ${fragment(orderBy(resolved, 'forward'))}`
  // Written synchronously: an open statement iterator must not span an await, or other requests on
  // this connection would find it busy.
  const fd = fs.openSync(target, 'w')
  let rows = 0
  try {
    let chunk = '\uFEFF' + wanted.map(({ f }) => csvField(f.name)).join(',') + '\r\n'
    for (const values of db
      .prepare(q.text)
      .raw(true)
      .iterate(...q.values) as Iterable<unknown[]>) {
      chunk += wanted.map(({ f, i }) => csvField(displayValue(f.type, values[i + 1]))).join(',') + '\r\n'
      rows += 1
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk)
        chunk = ''
      }
    }
    fs.writeSync(fd, chunk)
    fs.closeSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(target, { force: true })
    throw error
  }
  const stamp = new Date().toISOString().slice(0, 10)
  const name = `${dataset.name}_${stamp}.csv`
  audit(db, 'export-csv', dataset.name, { rows, filters: query.filters, sort: query.sort })
  return { file, name, rows }
}

function displayValue(type: string, value: unknown): unknown {
  if (type === 'boolean' && value !== null) return value === 1 ? '是' : '否'
  if (type === 'set' && typeof value === 'string') {
    try {
      return (JSON.parse(value) as string[]).join('、')
    } catch {
      return value
    }
  }
  return value
}
