/**
 * Files longer than the head the import thread reads itself (header detection and type sampling)
 * are read and typed on a typing thread while the import thread writes. These tests put every kind
 * of odd row on both sides of that boundary and check the stored result cell by cell against
 * parseCell applied to the file's own cells.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import ExcelJS from '../../../electron/engine/xlsx/exceljs.ts'
import { parseCell } from '../../../shared/values/parse-cell.ts'
import { ARREST_HEADER, arrestRow, arrestRows } from '../../helpers/case-rows.ts'
import { workspaceSnapshot } from '../../helpers/snapshot.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

/** Beyond the head (header window + type sample) of the import thread. */
const ROWS = 12_000

const col = (name: string) => ARREST_HEADER.indexOf(name)

/** Long enough for the typing thread to send some batches untyped (its share adapts from 30 %). */
const ODD_ROWS = 30_000

/**
 * Arrest rows with the same odd cells in every block of 2,000 rows (a reader batch), so both the
 * import thread's head and the typing thread's typed and untyped batches get them.
 */
function oddFile(): { rows: string[][]; odd: Map<number, string> } {
  const rows = [ARREST_HEADER, ...arrestRows(ODD_ROWS)]
  const odd = new Map<number, string>()
  for (let base = 0; base < ODD_ROWS; base += 2_000) {
    const at = (i: number, what: string) => {
      odd.set(base + i, what)
      return rows[base + i]
    }
    at(100, 'bad date')[col('受理日期')] = '2024-13-45'
    at(200, 'full width')[col('案件名称')] = '张伟２０２４盗窃案'
    at(300, 'blank text')[col('承办检察官')] = '　 '
    at(400, 'other date form')[col('审结日期')] = '2024/3/5'
    at(500, 'extra cells').push('', '多出来的')
    at(600, 'list')[col('涉嫌案由')] = '盗窃罪、诈骗罪'
  }
  // Skipped rows beyond the head, and a key that repeats one from the head.
  rows[9_000] = ARREST_HEADER.slice()
  rows[9_100] = ARREST_HEADER.map(() => '')
  rows[9_200] = ['合计', ...ARREST_HEADER.slice(1).map(() => '')]
  rows[11_000] = arrestRow(9)
  return { rows, odd }
}

/** A workspace holding a few rows already, and its snapshot: what a failed import must leave alone. */
async function workspaceWithSmallImport() {
  const ws = testWorkspace()
  const small = await writeCsv(path.join(ws.dir, 'small.csv'), [ARREST_HEADER, ...arrestRows(5, 50_000)])
  await ws.call('dataset/import', { files: [{ path: small }] })
  return { ws, before: workspaceSnapshot(ws.db) }
}

describe('a file longer than the import head', () => {
  it('is stored cell by cell as parseCell reads the file, with its findings in row order', async () => {
    const ws = testWorkspace()
    const { rows } = oddFile()
    const file = await writeCsv(path.join(ws.dir, '审查逮捕.csv'), rows, 'gbk')
    const result = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]

    expect(result).toMatchObject({ kind: '010101', rows: ODD_ROWS - 3, inserted: ODD_ROWS - 3, rejected: 0 })
    expect(result.notes).toContain('跳过重复的表头行 1 行')
    expect(result.notes).toContain('跳过合计/小计行 1 行（第 9201 行）')
    expect(result.notes).toContain('跳过空行 1 行（第 9101 行）')

    const { fields } = await ws.call('dataset/get', { datasetId: result.datasetId })
    const stored = ws.db.prepare(`SELECT * FROM records_${result.datasetId} ORDER BY _id`).all() as Record<
      string,
      unknown
    >[]
    const raws = new Map(
      (
        ws.db.prepare(`SELECT record_id, cells FROM raw_${result.datasetId}`).all() as {
          record_id: number
          cells: string
        }[]
      ).map((r) => [r.record_id, JSON.parse(r.cells) as Record<string, string>]),
    )
    const skipped = new Set([9_000, 9_100, 9_200])
    const dataLines = rows.map((_, i) => i).filter((i) => i > 0 && !skipped.has(i))
    expect(stored).toHaveLength(dataLines.length)
    dataLines.forEach((i, n) => {
      const record = stored[n]
      expect(record._row).toBe(i + 1)
      const raw = raws.get(record._id as number) ?? {}
      for (const field of fields) {
        const index = ARREST_HEADER.indexOf(field.name)
        if (index < 0) continue // derived 承办单位
        const text = rows[i][index]
        const expected = parseCell(field.type, text, field.role)
        expect(record[field.column], `${field.name} of row ${i + 1}`).toEqual(expected.value)
        const keepsText = text !== '' && (!expected.ok || expected.canonical !== text)
        expect(raw[field.name], `original text of ${field.name}, row ${i + 1}`).toBe(
          keepsText ? text : undefined,
        )
      }
    })

    const issues = ws.db
      .prepare('SELECT row, column_name, message FROM import_errors WHERE batch_id = ? ORDER BY id')
      .all(result.batchId) as { row: number; column_name: string | null; message: string }[]
    // Cell findings in row order, whichever thread typed the row (a first import finds repeated keys
    // at the end, with one query once the key index exists).
    const cellRows = issues.filter((i) => i.column_name !== '部门受案号、嫌疑人编号').map((i) => i.row)
    expect(cellRows).toEqual([...cellRows].sort((a, b) => a - b))
    for (let line = 101; line < ODD_ROWS; line += 2_000) {
      expect(issues).toContainEqual(expect.objectContaining({ row: line, column_name: '受理日期' }))
    }
    for (let line = 501; line < ODD_ROWS; line += 2_000) {
      expect(issues).toContainEqual({
        row: line,
        column_name: null,
        message: '本行比表头多出 1 个非空单元格，已保留原文',
      })
    }
    expect(issues).toContainEqual({
      row: 11_001,
      column_name: '部门受案号、嫌疑人编号',
      message: '记录键与第 11 行重复，两行均已保留，请核对',
    })
  })

  it('re-imported with changes, updates only the changed rows beyond the head', async () => {
    const ws = testWorkspace()
    const first = await writeCsv(path.join(ws.dir, 'a.csv'), [ARREST_HEADER, ...arrestRows(ROWS)])
    await ws.call('dataset/import', { files: [{ path: first }] })
    const changed = [ARREST_HEADER, ...arrestRows(ROWS)]
    for (const i of [50, 8_000, 11_999]) changed[i][col('审结处理结果')] = '撤回'
    const second = await writeCsv(path.join(ws.dir, 'b.csv'), changed)
    const result = (await ws.call('dataset/import', { files: [{ path: second }] })).imports[0]
    expect(result).toMatchObject({ rows: ROWS, inserted: 0, updated: 3, unchanged: ROWS - 3 })
  })

  it('of a generic export recognises its rows on re-import by their fingerprints', async () => {
    const ws = testWorkspace()
    // Narrow and small (< 1 MB): the typing thread is started only once the head is written.
    const header = ['序号', '单位', '日期', '金额（万元）']
    const rows = Array.from({ length: 9_000 }, (_, i) => [
      String(i + 1),
      `单位${i % 7}`,
      `2024-0${1 + (i % 9)}-1${i % 10}`,
      (i / 100).toFixed(2),
    ])
    const file = await writeCsv(path.join(ws.dir, '台账.csv'), [header, ...rows])
    expect(fs.statSync(file).size).toBeLessThan(1 << 20)
    const first = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
    expect(first).toMatchObject({ kind: 'generic', rows: 9_000, inserted: 9_000 })
    rows[8_500][1] = '新单位'
    const again = await writeCsv(path.join(ws.dir, '台账2.csv'), [header, ...rows])
    const second = (await ws.call('dataset/import', { files: [{ path: again }] })).imports[0]
    expect(second).toMatchObject({ datasetId: first.datasetId, inserted: 1, unchanged: 8_999 })
  })

  it('as xlsx (its rest parsed on the typing thread) keeps date cells and multi-byte text', async () => {
    const ws = testWorkspace()
    const file = path.join(ws.dir, '审查逮捕.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const sheet = writer.addWorksheet('明细')
    sheet.addRow(ARREST_HEADER).commit()
    const rows = arrestRows(ROWS)
    rows.forEach((row, i) => {
      // Real date cells (not text) in 受理日期, as Excel saves them.
      const cells: (string | Date)[] = row.slice()
      cells[col('受理日期')] = new Date(Date.UTC(2024, i % 12, 1 + (i % 27)))
      sheet.addRow(cells).commit()
    })
    sheet.commit()
    await writer.commit()
    const result = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
    expect(result).toMatchObject({ kind: '010101', rows: ROWS, inserted: ROWS, errors: [] })
    const { fields } = await ws.call('dataset/get', { datasetId: result.datasetId })
    const column = (name: string) => fields.find((f) => f.name === name)!.column
    const stored = ws.db
      .prepare(
        `SELECT ${column('受理日期')} AS accepted, ${column('案件名称')} AS name, ${column('承办单位')} AS unit
         FROM records_${result.datasetId} ORDER BY _id`,
      )
      .all() as { accepted: string; name: string; unit: string }[]
    expect(stored.map((r) => r.name)).toEqual(rows.map((r) => r[col('案件名称')]))
    expect(stored.map((r) => r.accepted)).toEqual(rows.map((r) => r[col('受理日期')]))
    expect(stored[ROWS - 1].unit).toBe(rows[ROWS - 1][0].slice(10, 16))
  })

  it('as xlsx that breaks beyond the head fails with the row, and leaves the workspace as it was', async () => {
    const { ws, before } = await workspaceWithSmallImport()
    const source = path.join(ws.dir, 'source.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: source })
    const sheet = writer.addWorksheet('明细')
    sheet.addRow(ARREST_HEADER).commit()
    for (const row of arrestRows(ROWS)) sheet.addRow(row).commit()
    sheet.commit()
    await writer.commit()
    // Sheet row 9,000 (past the head the import thread reads itself) no longer closes its tag.
    const zip = await JSZip.loadAsync(fs.readFileSync(source))
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string')
    zip.file('xl/worksheets/sheet1.xml', xml.replace('<row r="9000"', '<row r="9000"><c r="A9000"<broken'))
    const file = path.join(ws.dir, 'broken.xlsx')
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    const error = await ws.failure('dataset/import', { files: [{ path: file }] })
    expect(error).toMatchObject({ code: 'CORRUPT_FILE', file: 'broken.xlsx' })
    expect(error.row).toBeGreaterThan(8_000)
    expect(error.message).toContain('读取到第')
    expect(workspaceSnapshot(ws.db)).toEqual(before)
  })

  it('that breaks beyond the head fails with the row, and leaves the workspace as it was', async () => {
    const { ws, before } = await workspaceWithSmallImport()
    const file = path.join(ws.dir, 'broken.csv')
    const body = [ARREST_HEADER, ...arrestRows(ROWS)].map((r) => r.join(',')).join('\r\n')
    fs.writeFileSync(file, `${body}\r\n"未闭合的引号,${'x'.repeat(50)}\r\n${arrestRow(1).join(',')}\r\n`)
    const error = await ws.failure('dataset/import', { files: [{ path: file }] })
    expect(error).toMatchObject({ code: 'CORRUPT_FILE', file: 'broken.csv', row: ROWS + 2 })
    expect(error.message).toContain(`第 ${ROWS + 2} 行起有未闭合的引号`)
    expect(workspaceSnapshot(ws.db)).toEqual(before)
  })
})
