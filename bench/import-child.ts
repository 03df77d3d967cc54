/**
 * One measurement in its own process, so peak RSS belongs to that measurement alone.
 * Usage: node bin/run-ts.mjs bench/import-child.ts <parse|raw-insert|exceljs|exceljs-restreamed|import|grid> FILE [DB]
 * Prints one JSON line.
 */
import Database from 'better-sqlite3'
import ExcelJS from '../electron/engine/xlsx/exceljs.ts'
import { openSheet } from '../electron/engine/import/read/open.ts'
import { xlsxStream } from '../electron/engine/import/read/xlsx-stream.ts'
import { createLocalHost } from '../electron/engine/host/local-host.ts'

const [mode, file, dbFile] = process.argv.slice(2)
let started = 0
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)

async function parseOnly(insert?: (cells: string[]) => void): Promise<number> {
  const reader = await openSheet(file, file)
  let rows = 0
  for await (const batch of reader.batches()) {
    for (const row of batch) {
      rows += 1
      insert?.(row.cells)
    }
  }
  await reader.close()
  return rows
}

async function main(): Promise<Record<string, unknown>> {
  switch (mode) {
    case 'parse':
      return { rows: await parseOnly() }
    case 'raw-insert': {
      // The reference limit: the same rows into a plain table of TEXT columns, one transaction.
      const db = new Database(dbFile)
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      let insert: Database.Statement | null = null
      db.exec('BEGIN')
      const rows = await parseOnly((cells) => {
        if (!insert) {
          db.exec(`CREATE TABLE raw (${cells.map((_, i) => `c${i} TEXT`).join(', ')})`)
          insert = db.prepare(`INSERT INTO raw VALUES (${cells.map(() => '?').join(', ')})`)
          return
        }
        // Spread like the import's own writer: the fastest way better-sqlite3 binds a wide row.
        insert.run(...cells.map((c) => (c === '' ? null : c)))
      })
      db.exec('COMMIT')
      db.close()
      return { rows }
    }
    case 'exceljs':
    case 'exceljs-restreamed': {
      // As is, or re-streamed as the import's reader hands it to exceljs (sizes in every local
      // header, the sheets after the parts they need): exceljs's own parsing of the same workbook.
      const input = mode === 'exceljs' ? file : await xlsxStream(file)
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        sharedStrings: 'cache',
        styles: 'cache',
        worksheets: 'emit',
      })
      let rows = 0
      for await (const sheet of reader) for await (const _row of sheet) rows += 1
      return { rows }
    }
    case 'import': {
      const host = createLocalHost(dbFile)
      const envelope = await host.call('dataset/import', { files: [{ path: file }] })
      await host.close()
      if (!envelope.ok) throw new Error(envelope.error.message)
      const result = (envelope.value as { imports: { rows: number; inserted: number }[] }).imports[0]
      return { rows: result.rows, inserted: result.inserted }
    }
    case 'grid': {
      const host = createLocalHost(dbFile)
      const datasetId = 1
      const time = async (args: Record<string, unknown>) => {
        const t = performance.now()
        const envelope = await host.call('records/page', { datasetId, ...args })
        if (!envelope.ok) throw new Error(envelope.error.message)
        return performance.now() - t
      }
      const figures: Record<string, number> = {}
      figures.firstPageColdMs = await time({ startRow: 0, endRow: 200 })
      figures.firstPageWarmMs = await time({ startRow: 0, endRow: 200 })
      let keyset = 0
      for (let s = 200; s < 200 * 21; s += 200) keyset += await time({ startRow: s, endRow: s + 200 })
      figures.keysetNextPageMs = keyset / 20
      figures.middlePageMs = await time({ startRow: 500_000, endRow: 500_200 })
      figures.lastPageMs = await time({ startRow: 999_800, endRow: 1_000_000 })
      figures.sortedFirstPageMs = await time({
        startRow: 0,
        endRow: 200,
        sort: [{ field: '受理日期', dir: 'desc' }],
      })
      figures.sortedMiddlePageMs = await time({
        startRow: 300_000,
        endRow: 300_200,
        sort: [{ field: '受理日期', dir: 'desc' }],
      })
      // Scrolling on from there: each block starts where the previous one ended (sorted keyset).
      let sortedNext = 0
      for (let s = 300_200; s < 300_200 + 200 * 20; s += 200)
        sortedNext += await time({ startRow: s, endRow: s + 200, sort: [{ field: '受理日期', dir: 'desc' }] })
      figures.sortedNextPageMs = sortedNext / 20
      figures.filteredPageMs = await time({
        startRow: 0,
        endRow: 200,
        filters: { 审结处理情况: { filterType: 'text', type: 'equals', filter: '起诉' } },
      })
      await host.close()
      return figures
    }
  }
  throw new Error(`unknown mode ${mode}`)
}

started = performance.now()
const result = await main()
console.log(JSON.stringify({ ...result, ms: Math.round(performance.now() - started), rssMb: rssMb() }))
