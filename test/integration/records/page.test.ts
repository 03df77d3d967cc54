import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARREST_HEADER, arrestRow, arrestRows } from '../../helpers/case-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

async function arrestWorkspace(count: number) {
  const ws = testWorkspace()
  const file = await writeCsv(path.join(ws.dir, 'a.csv'), [ARREST_HEADER, ...arrestRows(count)])
  const { imports } = await ws.call('dataset/import', { files: [{ path: file }] })
  return { ws, datasetId: imports[0].datasetId }
}

describe('records/page', () => {
  it('pages through every row exactly once, forwards (keyset) and from the end', async () => {
    const { ws, datasetId } = await arrestWorkspace(1000)
    const seen: number[] = []
    for (let start = 0; start < 1000; start += 200) {
      const page = await ws.call('records/page', { datasetId, startRow: start, endRow: start + 200 })
      expect(page.total).toBe(1000)
      seen.push(...page.rows.map((r) => r._id))
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(new Set(seen).size).toBe(1000)
    // Jumping straight to the last block (the scrollbar dragged to the bottom) gives the last rows.
    const ws2 = await arrestWorkspace(1000)
    const last = await ws2.ws.call('records/page', { datasetId: ws2.datasetId, startRow: 800, endRow: 1000 })
    expect(last.rows.map((r) => r['嫌疑人编号'])).toEqual(arrestRows(200, 800).map((r) => r[3]))
  })

  it('jumps straight to any position, with and without gaps in the current ids', async () => {
    const { ws, datasetId } = await arrestWorkspace(1000)
    const suspects = async (startRow: number, endRow: number) =>
      (await ws.call('records/page', { datasetId, startRow, endRow })).rows.map((r) => r['嫌疑人编号'])
    const ids = (rows: string[][]) => rows.map((r) => r[3])
    // A first load: ids without a gap.
    expect(await suspects(400, 600)).toEqual(ids(arrestRows(200, 400)))
    expect(await suspects(999, 1000)).toEqual(ids(arrestRows(1, 999)))

    // Rows 100–199 updated: their old versions drop out of the middle and the new ones come last.
    const updated = arrestRows(100, 100).map((r) => {
      const row = r.slice()
      row[ARREST_HEADER.indexOf('承办检察官')] = '新承办人'
      return row
    })
    const file = await writeCsv(path.join(ws.dir, 'b.csv'), [ARREST_HEADER, ...updated])
    const { imports } = await ws.call('dataset/import', { files: [{ path: file }] })
    expect(imports[0].updated).toBe(100)
    const order = [...ids(arrestRows(100)), ...ids(arrestRows(800, 200)), ...ids(updated)]
    expect(await suspects(400, 600)).toEqual(order.slice(400, 600))
    expect(await suspects(50, 250)).toEqual(order.slice(50, 250))

    // Undone: the same ids as the first load again.
    await ws.call('import/undo', { batchId: imports[0].batchId })
    expect(await suspects(400, 600)).toEqual(ids(arrestRows(200, 400)))
  })

  it('pages a one-field sort block after block in the order of one query, through ties and blanks', async () => {
    const { ws, datasetId } = await arrestWorkspace(1000)
    // 受理日期 repeats every 324 rows; 不捕情形 is blank (NULL) in two rows of three, one value otherwise.
    for (const field of ['受理日期', '不捕情形']) {
      for (const dir of ['asc', 'desc'] as const) {
        const sort = [{ field, dir }]
        const all = await ws.call('records/page', { datasetId, startRow: 0, endRow: 1000, sort })
        const blocks: number[] = []
        for (let start = 0; start < 1000; start += 70) {
          const page = await ws.call('records/page', { datasetId, startRow: start, endRow: start + 70, sort })
          blocks.push(...page.rows.map((r) => r._id))
        }
        expect(blocks, `${field} ${dir}`).toEqual(all.rows.map((r) => r._id))
      }
    }
  })

  it('sorts and filters by field name with bound values', async () => {
    const { ws, datasetId } = await arrestWorkspace(300)
    const sorted = await ws.call('records/page', {
      datasetId,
      startRow: 0,
      endRow: 300,
      sort: [{ field: '受理日期', dir: 'desc' }],
    })
    const dates = sorted.rows.map((r) => r['受理日期'] as string)
    expect(dates).toEqual([...dates].sort().reverse())

    const filtered = await ws.call('records/page', {
      datasetId,
      startRow: 0,
      endRow: 300,
      filters: {
        审结处理结果: { filterType: 'text', type: 'equals', filter: '不批准逮捕' },
        受理日期: {
          filterType: 'date',
          type: 'inRange',
          dateFrom: '2024-03-01 00:00:00',
          dateTo: '2024-05-31 00:00:00',
        },
        是否利用电信或网络实施犯罪: { filterType: 'text', type: 'equals', filter: '是' },
      },
    })
    const expected = arrestRows(300).filter(
      (r) => r[11] === '不批准逮捕' && r[4] >= '2024-03-01' && r[4] <= '2024-05-31' && r[17] === '是',
    )
    expect(filtered.total).toBe(expected.length)
    expect(filtered.rows.map((r) => r['嫌疑人编号']).sort()).toEqual(expected.map((r) => r[3]).sort())

    // Text that looks like SQL is just text to match.
    const injection = await ws.call('records/page', {
      datasetId,
      startRow: 0,
      endRow: 10,
      filters: { 嫌疑人姓名: { filterType: 'text', type: 'contains', filter: "%' OR 1=1 --" } },
    })
    expect(injection.total).toBe(0)
    const unknown = await ws.failure('records/page', {
      datasetId,
      startRow: 0,
      endRow: 10,
      sort: [{ field: '不存在的字段', dir: 'asc' }],
    })
    expect(unknown).toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('不存在的字段') })
  })

  it('exports the current view as CSV with formula injection neutralised', async () => {
    const ws = testWorkspace()
    const rows = [
      arrestRow(0, { set: { 案件名称: '=HYPERLINK("http://x","点我")' } }),
      arrestRow(1, { set: { 嫌疑人姓名: '@SUM(A1)' } }),
      arrestRow(2),
    ]
    const file = await writeCsv(path.join(ws.dir, 'a.csv'), [ARREST_HEADER, ...rows])
    const { datasetId } = (await ws.call('dataset/import', { files: [{ path: file }] })).imports[0]
    const exported = await ws.call('records/exportCsv', {
      datasetId,
      filters: { 嫌疑人编号: { filterType: 'text', type: 'notEqual', filter: 'XYR100002' } },
      sort: [{ field: '嫌疑人编号', dir: 'asc' }],
    })
    expect(exported.rows).toBe(2)
    expect(exported.name).toMatch(/^审查逮捕（010101）_.*\.csv$/)
    const text = fs.readFileSync(path.join(ws.host.exportDir, exported.file), 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trim().split('\r\n')
    expect(lines[0].split(',')).toContain('承办单位')
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`)
    expect(lines[2]).toContain(`'@SUM(A1)`)
    const audit = await ws.call('audit/list', {})
    expect(audit[0]).toMatchObject({ action: 'export-csv' })
  })
})
