import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { DATASET_KIND_NAMES } from '../../../shared/domain/fields.ts'
import type { EngineEvents, ImportFileResult } from '../../../shared/ipc/contract.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { addFields, createDataset, findDataset, loadFields, touchDataset } from '../datasets/dataset-store.ts'
import { storeRecordTotal } from '../datasets/record-totals.ts'
import { createRecordIndexes, dropRecordIndexes, recordsTable } from '../datasets/records-table.ts'
import { EngineError } from '../errors.ts'
import { CACHE_KIB, get, run, type Db } from '../store/database.ts'
import { ident, sql } from '../store/sql.ts'
import { sha256File } from './file-hash.ts'
import { detectHeader } from './header.ts'
import { IssueLog } from './issue-log.ts'
import { detectKind, knownHeaders } from './kinds.ts'
import { derivedFields, planColumns, planNewFields } from './plan-fields.ts'
import { openSheet } from './read/open.ts'
import type { RawRow } from './read/types.ts'
import { classifyRow, RowKindTally } from './row-kind.ts'
import { RowWriter } from './row-writer.ts'
import { asEngineError } from './sqlite-errors.ts'
import { TypingThread } from './typing/typing-thread.ts'
import { writeTypedRest } from './typing/write-typed.ts'

/** Rows looked at to find the header (title rows, two-row headers). */
const HEADER_WINDOW = 50
/** Data rows sampled to infer the types of columns no dictionary knows. */
const SAMPLE_ROWS = 5000
/**
 * Files at least this large most likely go past the head: their typing thread is started at once, so
 * it has loaded by the time the head is written. Smaller files start one only when needed.
 */
const EARLY_THREAD_BYTES = 1 << 20

export type ProgressListener = (progress: EngineEvents['import/progress']) => void

/**
 * Imports one file as one batch, all or nothing: the whole batch is written in a single transaction,
 * so a failure (or a killed process) leaves the workspace exactly as it was.
 *
 * `db` must be a connection used by nothing else while the import runs: the transaction stays open
 * across the awaits of the streaming reader.
 */
export async function importFile(
  db: Db,
  file: string,
  displayName: string,
  onProgress: ProgressListener = () => {},
): Promise<ImportFileResult> {
  const stat = statOrThrow(file, displayName)
  // Hashed on the other core while this one reads and writes; awaited before the commit.
  const hashing = sha256File(file)
  hashing.catch(() => undefined)
  const reader = await openSheet(file, displayName)
  let thread = stat.size >= EARLY_THREAD_BYTES ? new TypingThread(displayName, reader.format) : null
  let lastEmit = 0
  let rowsRead = 0
  let bytesRead = () => reader.bytesRead()
  const progress = (phase: 'reading' | 'writing' | 'done', force = false) => {
    const now = Date.now()
    if (!force && now - lastEmit < 200) return
    lastEmit = now
    onProgress({
      file: displayName,
      phase,
      rowsRead,
      bytesRead: bytesRead(),
      totalBytes: reader.totalBytes,
    })
  }
  progress('reading', true)

  const batches = reader.batches()[Symbol.asyncIterator]()
  let inTransaction = false
  try {
    // Look at the top of the file before touching the workspace.
    let head: RawRow[] = []
    let exhausted = false
    while (head.length < HEADER_WINDOW + SAMPLE_ROWS && !exhausted) {
      const next = await batches.next()
      if (next.done) exhausted = true
      else head.push(...next.value)
    }
    const header = detectHeader(head.slice(0, HEADER_WINDOW), knownHeaders(), { fileName: displayName })
    const detected = detectKind(header.columns)
    // Fields are named as the dictionary spells them (保证金（万元） for a file's 保证金(万元)), so keys
    // and rules find them whatever variant the export used.
    const columns = detected.fields.map((f, i) => f.name || header.columns[i])
    let dataRows = head.slice(header.dataStartIndex)
    let samples = dataRows.filter((r) => classifyRow(r.cells) === 'data').map((r) => r.cells)

    db.pragma(`cache_size = ${CACHE_KIB.importing}`)
    db.exec('BEGIN IMMEDIATE')
    inTransaction = true
    const signature = createHash('sha1')
      .update([...columns].sort().join('\u0001'))
      .digest('hex')
    let datasetId = findDataset(db, detected.kind, signature)
    const datasetName =
      detected.kind === 'generic'
        ? displayName.replace(/\.(csv|txt|xlsx)$/i, '')
        : DATASET_KIND_NAMES[detected.kind]
    if (datasetId === undefined)
      datasetId = createDataset(db, datasetName, detected.kind, signature, detected.keyFields)
    const before = loadFields(db, datasetId)
    const dictionary = columns.map((_, i) =>
      detected.fields[i]?.source === 'dictionary' ? detected.fields[i] : null,
    )
    const added = [
      ...planNewFields(columns, dictionary, samples, before),
      ...derivedFields(detected.kind, columns, before),
    ]
    const fields = added.length > 0 ? addFields(db, datasetId, added) : before
    const plan = planColumns(columns, fields)
    const datasetWasEmpty =
      get<{ any: number }>(db, sql`SELECT EXISTS (SELECT 1 FROM ${ident(recordsTable(datasetId))}) AS any`)!
        .any === 0
    const keyFields = JSON.parse(
      get<{ key_fields: string }>(db, sql`SELECT key_fields FROM datasets WHERE id = ${datasetId}`)!
        .key_fields,
    ) as string[]

    const batchId = Number(
      run(
        db,
        sql`INSERT INTO import_batches (dataset_id, file_name, file_size, sha256, format, encoding, sheet, imported_at)
            VALUES (${datasetId}, ${displayName}, ${stat.size}, '', ${reader.format}, ${reader.encoding},
                    ${reader.sheet}, ${nowIso()})`,
      ).lastInsertRowid,
    )
    if (datasetWasEmpty) dropRecordIndexes(db, datasetId)
    const issues = new IssueLog(db, batchId)
    const writer = new RowWriter({ db, datasetId, batchId, fields, plan, keyFields, datasetWasEmpty, issues })
    const tally = new RowKindTally(header.columns)
    const headRows = head.length
    // The rest of the file is read and typed on another thread while this one writes: the typing
    // thread gets its job now, so it reads ahead while this thread writes the head. A workbook is
    // parsed there too (exceljs's parsing is most of an xlsx import), with that thread's heap capped:
    // exceljs leaves garbage that V8 otherwise lets grow to ~1 GB over a million rows.
    if (!exhausted) {
      thread ??= new TypingThread(displayName, reader.format)
      thread.start({
        file,
        displayName,
        format: reader.format,
        skipRows: headRows,
        headerColumns: header.columns,
        typing: writer.typing,
      })
    }
    const consume = (rows: RawRow[]) => {
      for (const row of rows) {
        rowsRead += 1
        if (tally.accepts(row)) writer.write(row.line, row.cells)
      }
      progress('writing')
    }
    rowsRead = header.dataStartIndex
    consume(dataRows)
    // Tens of MB of cells of a wide export, no longer needed while the rest streams in.
    head = dataRows = samples = []
    if (!exhausted && thread) {
      await reader.close()
      const rest = await writeTypedRest(writer, thread, writer.typing, (read, bytes) => {
        rowsRead = read
        bytesRead = () => bytes
        progress('writing')
      })
      tally.merge(rest.tally)
      rowsRead = rest.rowsRead
    }
    if (writer.counts.rows === 0 && tally.total === 0) {
      throw new EngineError('NO_HEADER', `文件「${displayName}」只有表头，没有数据行。`, {
        file: displayName,
      })
    }
    writer.flush()
    if (datasetWasEmpty) createRecordIndexes(db, datasetId)
    writer.reportDuplicateKeys()

    const notes = [...header.notes]
    if (detected.kind !== 'generic') notes.push(`识别为 ${DATASET_KIND_NAMES[detected.kind]} 导出`)
    notes.push(...tally.notes())
    const newFieldNames = added.filter((f) => f.source !== 'derived').map((f) => f.name)
    if (before.length > 0 && newFieldNames.length > 0) notes.push(`新增字段：${newFieldNames.join('、')}`)
    const overflow = issues.overflowNote()
    if (overflow) notes.push(overflow)

    const c = writer.counts
    const sha256 = await hashing
    run(
      db,
      sql`UPDATE import_batches SET sha256 = ${sha256}, rows_read = ${c.rows}, inserted = ${c.inserted}, updated = ${c.updated},
            unchanged = ${c.unchanged}, rejected = ${c.rejected}, notes = ${JSON.stringify(notes)}
          WHERE id = ${batchId}`,
    )
    // A first load's rows are all current; after a re-import, one walk of the current-id index.
    storeRecordTotal(db, datasetId, datasetWasEmpty ? c.inserted : undefined)
    touchDataset(db, datasetId)
    audit(db, 'import', `${displayName}`, { batchId, datasetId, sha256, ...c })
    db.exec('COMMIT')
    inTransaction = false
    progress('done', true)
    return {
      file: displayName,
      dataset: get<{ name: string }>(db, sql`SELECT name FROM datasets WHERE id = ${datasetId}`)!.name,
      datasetId,
      batchId,
      kind: detected.kind,
      ...c,
      errors: issues.sample,
      notes,
    }
  } catch (error) {
    // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL).
    if (inTransaction && db.inTransaction) db.exec('ROLLBACK')
    throw asEngineError(error, displayName)
  } finally {
    db.pragma(`cache_size = ${CACHE_KIB.reading}`)
    await reader.close()
    await thread?.close()
  }
}

function statOrThrow(file: string, displayName: string): fs.Stats {
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile())
      throw new EngineError('NOT_FOUND', `「${displayName}」不是文件。`, { file: displayName })
    return stat
  } catch (error) {
    if (error instanceof EngineError) throw error
    throw new EngineError('NOT_FOUND', `找不到文件「${displayName}」或无法读取。`, { file: displayName })
  }
}
