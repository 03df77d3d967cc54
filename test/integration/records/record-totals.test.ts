/**
 * The number of current records, stored by imports and undos with the batches it counts, so the
 * dataset view and the grid's first page need not count a million rows on every start of the app.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { countCurrentRecords } from '../../../electron/engine/datasets/record-totals.ts'
import { ARREST_HEADER, arrestRow, arrestRows } from '../../helpers/case-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

type Ws = ReturnType<typeof testWorkspace>

const stored = (ws: Ws, datasetId: number) =>
  ws.db.prepare('SELECT batches, total FROM record_totals WHERE dataset_id = ?').get(datasetId) as
    { batches: string; total: number } | undefined

async function totals(ws: Ws, datasetId: number) {
  const page = await ws.call('records/page', { datasetId, startRow: 0, endRow: 10 })
  const summary = await ws.call('dataset/get', { datasetId })
  return { page: page.total, summary: summary.records, counted: countCurrentRecords(ws.db, datasetId) }
}

async function importRows(ws: Ws, name: string, rows: string[][]) {
  const file = await writeCsv(path.join(ws.dir, name), [ARREST_HEADER, ...rows])
  return (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
}

describe('stored record totals', () => {
  it('follow a first load, a re-import with updates and new rows, and its undo', async () => {
    const ws = testWorkspace()
    const first = await importRows(ws, '一月.csv', arrestRows(1000))
    const id = first.datasetId
    expect(stored(ws, id)).toEqual({ batches: String(first.batchId), total: 1000 })
    expect(await totals(ws, id)).toEqual({ page: 1000, summary: 1000, counted: 1000 })

    // Rows 500–1199: a hundred changed, five hundred unchanged, two hundred new.
    const newer = Array.from({ length: 700 }, (_, k) => {
      const i = 500 + k
      return i < 600 ? arrestRow(i, { set: { 承办检察官: '新承办人' } }) : arrestRow(i)
    })
    const second = await importRows(ws, '二月.csv', newer)
    expect(second).toMatchObject({ inserted: 200, updated: 100, unchanged: 400 })
    expect(stored(ws, id)).toEqual({ batches: `${first.batchId},${second.batchId}`, total: 1200 })
    expect(await totals(ws, id)).toEqual({ page: 1200, summary: 1200, counted: 1200 })

    await ws.call('import/undo', { batchId: second.batchId })
    expect(stored(ws, id)).toEqual({ batches: String(first.batchId), total: 1000 })
    expect(await totals(ws, id)).toEqual({ page: 1000, summary: 1000, counted: 1000 })
  })

  it('are what the summary and the grid read, while they count the same batches', async () => {
    const ws = testWorkspace()
    const { datasetId } = await importRows(ws, '一月.csv', arrestRows(300))
    // A stored total the readers trust: were they counting, they would say 300.
    ws.db.prepare('UPDATE record_totals SET total = 299 WHERE dataset_id = ?').run(datasetId)
    expect(await totals(ws, datasetId)).toMatchObject({ page: 299, summary: 299, counted: 300 })
  })

  it('are counted afresh when missing (a workspace from before them) or stored for other batches', async () => {
    const ws = testWorkspace()
    const { datasetId, batchId } = await importRows(ws, '一月.csv', arrestRows(300))
    ws.db.prepare('DELETE FROM record_totals').run()
    expect((await ws.call('dataset/get', { datasetId })).records).toBe(300)
    ws.db
      .prepare('INSERT INTO record_totals (dataset_id, batches, total) VALUES (?, ?, 5)')
      .run(datasetId, `${batchId},${batchId + 1}`)
    expect((await ws.call('dataset/get', { datasetId })).records).toBe(300)
    // An undo in such a workspace counts before it changes anything, and stores the result.
    await ws.call('import/undo', { batchId })
    expect(stored(ws, datasetId)).toEqual({ batches: '', total: 0 })
  })

  it('leave with their dataset', async () => {
    const ws = testWorkspace()
    const { datasetId } = await importRows(ws, '一月.csv', arrestRows(50))
    await ws.call('dataset/delete', { datasetId })
    expect(stored(ws, datasetId)).toBeUndefined()
  })

  it('do not stand in for the count of a filtered view', async () => {
    const ws = testWorkspace()
    const { datasetId } = await importRows(ws, '一月.csv', arrestRows(300))
    const page = await ws.call('records/page', {
      datasetId,
      startRow: 0,
      endRow: 10,
      filters: { 审结处理结果: { filterType: 'text', type: 'equals', filter: '不批准逮捕' } },
    })
    expect(page.total).toBe(100) // every third row (i % 3 === 0)
  })
})
