import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARREST_HEADER, arrestRow, arrestRows } from '../../helpers/case-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'
import { workspaceSnapshot } from '../../helpers/snapshot.ts'

describe('importing a 010101 export', () => {
  it('recognises the kind, types the fields, derives 承办单位 and keeps every row', async () => {
    const ws = testWorkspace()
    const rows = arrestRows(40)
    rows[4][ARREST_HEADER.indexOf('受理日期')] = '2024-02-30' // impossible date
    rows[5][ARREST_HEADER.indexOf('受理日期')] = '2024年3月5日'
    const file = await writeCsv(path.join(ws.dir, '审查逮捕.csv'), [ARREST_HEADER, ...rows], 'gbk')

    const { imports } = await ws.call('dataset/import', { files: [{ path: file }] })
    const result = imports[0]
    expect(result.kind).toBe('010101')
    expect(result.rows).toBe(40)
    expect(result.inserted).toBe(40)
    expect(result.errors).toEqual([
      { row: 6, column: '受理日期', message: expect.stringContaining('2024-02-30') },
    ])

    const dataset = await ws.call('dataset/get', { datasetId: result.datasetId })
    expect(dataset.records).toBe(40)
    // Provenance: the batch names the file by its sha256.
    const stored = ws.db.prepare('SELECT sha256 FROM import_batches WHERE id = ?').get(result.batchId) as {
      sha256: string
    }
    expect(stored.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
    expect(dataset.keyFields).toEqual(['部门受案号', '嫌疑人编号'])
    const byName = Object.fromEntries(dataset.fields.map((f) => [f.name, f]))
    expect(byName['受理日期'].type).toBe('date')
    expect(byName['承办单位']).toMatchObject({ source: 'derived', role: 'unitCode' })

    const page = await ws.call('records/page', { datasetId: result.datasetId, startRow: 0, endRow: 10 })
    expect(page.total).toBe(40)
    expect(page.rows[0]['承办单位']).toBe('320102')
    expect(page.rows[0]['是否利用电信或网络实施犯罪']).toBe('是')
    // The impossible date is stored as nothing, its original text kept beside the record.
    expect(page.rows[4]['受理日期']).toBeNull()
    expect(page.rows[4]._raw).toEqual({ 受理日期: '2024-02-30' })
    // A reformatted date is stored canonically and its original text is kept too.
    expect(page.rows[5]['受理日期']).toBe('2024-03-05')
    expect(page.rows[5]._raw).toEqual({ 受理日期: '2024年3月5日' })
  })

  it('updates records by key on re-import and never duplicates them', async () => {
    const ws = testWorkspace()
    const first = await writeCsv(path.join(ws.dir, 'a.csv'), [ARREST_HEADER, ...arrestRows(30)])
    await ws.call('dataset/import', { files: [{ path: first }] })

    // Newer export: rows 0-19 again (3 changed), 10 new rows, rows 20-29 absent.
    const rows = arrestRows(20)
    for (const i of [2, 7, 11]) rows[i][ARREST_HEADER.indexOf('审结处理结果')] = '不予决定逮捕'
    rows.push(...arrestRows(10, 30))
    const second = await writeCsv(path.join(ws.dir, 'b.csv'), [ARREST_HEADER, ...rows])
    const { imports } = await ws.call('dataset/import', { files: [{ path: second }] })
    expect(imports[0]).toMatchObject({ rows: 30, inserted: 10, updated: 3, unchanged: 17, rejected: 0 })

    const datasets = await ws.call('dataset/list', {})
    expect(datasets).toHaveLength(1)
    expect(datasets[0].records).toBe(40)
  })

  it('a narrower re-export keeps the fields it lacks, with their original texts', async () => {
    const ws = testWorkspace()
    const rows = arrestRows(3)
    rows[0][ARREST_HEADER.indexOf('审结日期')] = '2024/1/9'
    const first = await writeCsv(path.join(ws.dir, 'full.csv'), [ARREST_HEADER, ...rows])
    const { datasetId } = (await ws.call('dataset/import', { files: [{ path: first }] })).imports[0]

    // A later export without 审结日期, in which record 0's 前科 changed.
    const narrow = ARREST_HEADER.filter((h) => h !== '审结日期')
    const later = rows.map((r) => narrow.map((h) => r[ARREST_HEADER.indexOf(h)]))
    later[0][narrow.indexOf('前科')] = '行政处罚'
    const second = await writeCsv(path.join(ws.dir, 'narrow.csv'), [narrow, ...later])
    const result = (await ws.call('dataset/import', { files: [{ path: second }] })).imports[0]
    expect(result).toMatchObject({ updated: 1, unchanged: 2 })

    const page = await ws.call('records/page', {
      datasetId,
      startRow: 0,
      endRow: 10,
      sort: [{ field: '嫌疑人编号', dir: 'asc' }],
    })
    expect(page.rows[0]).toMatchObject({
      前科: '行政处罚',
      审结日期: '2024-01-09',
      _raw: { 审结日期: '2024/1/9' },
    })
  })

  it('keeps both rows of a key repeated inside one file and reports it', async () => {
    const ws = testWorkspace()
    const rows = arrestRows(5)
    rows.push(arrestRow(1, { set: { 嫌疑人姓名: '张伟（重复）' } }))
    const file = await writeCsv(path.join(ws.dir, 'dup.csv'), [ARREST_HEADER, ...rows])
    const { imports } = await ws.call('dataset/import', { files: [{ path: file }] })
    expect(imports[0].inserted).toBe(6)
    expect(imports[0].errors).toEqual([
      { row: 7, column: '部门受案号、嫌疑人编号', message: expect.stringContaining('与第 3 行重复') },
    ])
    expect((await ws.call('dataset/list', {}))[0].records).toBe(6)
  })

  it('undoes an import as a whole, restoring the versions it replaced', async () => {
    const ws = testWorkspace()
    const a = await writeCsv(path.join(ws.dir, 'a.csv'), [ARREST_HEADER, ...arrestRows(10)])
    const first = (await ws.call('dataset/import', { files: [{ path: a }] })).imports[0]
    const afterFirst = workspaceSnapshot(ws.db, { ignore: ['import_batches', 'audit_log', 'import_errors'] })

    const rows = arrestRows(10).map((r) => [...r])
    rows[0][ARREST_HEADER.indexOf('前科')] = '行政处罚'
    rows.push(arrestRow(50))
    const b = await writeCsv(path.join(ws.dir, 'b.csv'), [ARREST_HEADER, ...rows])
    const second = (await ws.call('dataset/import', { files: [{ path: b }] })).imports[0]
    expect(second).toMatchObject({ inserted: 1, updated: 1, unchanged: 9 })

    const batches = await ws.call('import/batches', {})
    expect(batches.map((x) => [x.id, x.undoable])).toEqual([
      [second.batchId, true],
      [first.batchId, false], // a later import replaced one of its records
    ])
    const blocked = await ws.failure('import/undo', { batchId: first.batchId })
    expect(blocked.code).toBe('CONFLICT')
    expect(blocked.message).toContain('请先撤销之后的导入')

    const undone = await ws.call('import/undo', { batchId: second.batchId })
    expect(undone).toEqual({ batchId: second.batchId, removed: 2, restored: 1 })
    expect(workspaceSnapshot(ws.db, { ignore: ['import_batches', 'audit_log', 'import_errors'] })).toEqual(
      afterFirst,
    )
    const audit = await ws.call('audit/list', {})
    expect(audit.map((e) => e.action)).toEqual(['undo-import', 'import', 'import'])
  })

  it('imports an unknown export as a generic dataset and does not duplicate identical rows on re-import', async () => {
    const ws = testWorkspace()
    const header = ['单位', '月份', '受理件数', '审结率', '是否重点']
    const rows = [
      ['玄武区院', '2024-01', '12', '0.85', '是'],
      ['秦淮区院', '2024-01', '8', '0.9', '否'],
      ['秦淮区院', '2024-01', '8', '0.9', '否'],
      ['建邺区院', '2024-01', '3', '0.5', '是'],
      ['栖霞区院', '2024-01', '0', '0', '否'],
      ['江宁区院', '2024-01', '21', '0.75', '否'],
    ]
    const file = await writeCsv(path.join(ws.dir, '月报.csv'), [header, ...rows])
    const first = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
    expect(first).toMatchObject({ kind: 'generic', dataset: '月报', inserted: 6 })
    const fields = (await ws.call('dataset/get', { datasetId: first.datasetId })).fields
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['单位', expect.any(String)],
      ['月份', expect.any(String)],
      ['受理件数', 'integer'],
      ['审结率', 'decimal'],
      ['是否重点', 'boolean'],
    ])
    rows.push(['鼓楼区院', '2024-01', '5', '1', '否'])
    await writeCsv(file, [header, ...rows])
    const second = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
    expect(second).toMatchObject({ datasetId: first.datasetId, inserted: 1, unchanged: 6 })
  })
})

describe('failed imports leave the workspace exactly as it was', () => {
  it('a truncated file', async () => {
    const ws = testWorkspace()
    const good = await writeCsv(path.join(ws.dir, 'good.csv'), [ARREST_HEADER, ...arrestRows(5)])
    await ws.call('dataset/import', { files: [{ path: good }] })
    const before = workspaceSnapshot(ws.db)
    const bad = path.join(ws.dir, 'bad.csv')
    fs.writeFileSync(
      bad,
      ARREST_HEADER.join(',') + '\r\n' + arrestRow(9).join(',') + '\r\n"未闭合的引号,' + 'x'.repeat(50),
    )
    const error = await ws.failure('dataset/import', { files: [{ path: bad }] })
    expect(error.code).toBe('CORRUPT_FILE')
    expect(error.message).toContain('bad.csv')
    expect(workspaceSnapshot(ws.db)).toEqual(before)
  })

  it('a full disk', async () => {
    const ws = testWorkspace()
    const file = await writeCsv(path.join(ws.dir, 'big.csv'), [ARREST_HEADER, ...arrestRows(3000)])
    const before = workspaceSnapshot(ws.db)
    const pages = ws.db.pragma('page_count', { simple: true }) as number
    // The import runs on its own connection; cap the file size there through the shared pragma.
    const { importFile } = await import('../../../electron/engine/import/run-import.ts')
    const { openWorkspace } = await import('../../../electron/engine/store/database.ts')
    const own = openWorkspace(ws.dbPath)
    own.pragma(`max_page_count = ${pages + 20}`)
    await expect(importFile(own, file, 'big.csv')).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('磁盘空间不足'),
    })
    own.close()
    expect(workspaceSnapshot(ws.db)).toEqual(before)
  })

  it('a file that is not there, and a legacy .xls', async () => {
    const ws = testWorkspace()
    const missing = await ws.failure('dataset/import', { files: [{ path: path.join(ws.dir, 'nope.csv') }] })
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('nope.csv') })
    const xls = path.join(ws.dir, '旧表.xls')
    fs.writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4000)]))
    const legacy = await ws.failure('dataset/import', { files: [{ path: xls }] })
    expect(legacy.code).toBe('UNSUPPORTED_FORMAT')
    expect(legacy.message).toContain('.xlsx')
    expect(await ws.call('dataset/list', {})).toEqual([])
  })
})

describe('deleting a dataset', () => {
  it('removes its records, batches and errors, and says so in the audit log', async () => {
    const ws = testWorkspace()
    const rows = arrestRows(8)
    rows[0][ARREST_HEADER.indexOf('受理日期')] = '2024-02-31'
    const file = await writeCsv(path.join(ws.dir, 'a.csv'), [ARREST_HEADER, ...rows])
    const before = workspaceSnapshot(ws.db, { ignore: ['audit_log'] })
    const { datasetId } = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
    expect(await ws.call('dataset/delete', { datasetId })).toEqual({ datasetId, records: 8 })
    expect(await ws.call('dataset/list', {})).toEqual([])
    expect(await ws.call('import/batches', {})).toEqual([])
    expect(workspaceSnapshot(ws.db, { ignore: ['audit_log'] })).toEqual(before)
    expect((await ws.call('audit/list', {}))[0]).toMatchObject({
      action: 'delete-dataset',
      detail: { records: 8, batches: 1 },
    })
    expect((await ws.failure('dataset/delete', { datasetId })).code).toBe('NOT_FOUND')
  })
})
