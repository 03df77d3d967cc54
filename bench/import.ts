/**
 * Import benchmark (issue 2): generated 020101-shaped exports at 100k and 1M rows, CSV (GBK) and xlsx.
 * Prints rows/s and peak RSS of a full import next to the same file's parse-only time and raw-insert
 * time (the reference limit), SQLite's own shell importing the same CSV (where sqlite3 is installed)
 * and grid paging at 1M records. Never fails on time.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import iconv from 'iconv-lite'
import { writeGbkCsv, writeXlsx } from './synthetic-export.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-bench-'))
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number)
const xlsxMax = Number(process.env.BENCH_XLSX_MAX ?? 1_000_000)

function child(mode: string, file: string, db = '', quiet = false): Record<string, number> {
  const out = execFileSync(process.execPath, ['bin/run-ts.mjs', 'bench/import-child.ts', mode, file, db], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', quiet ? 'ignore' : 'inherit'],
  })
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

/**
 * SQLite's own shell importing the same rows: C from end to end (CSV parsing, binding, TEXT columns,
 * no typing, no key), into a WAL database like the workspace. What this machine writes at best, for
 * reading the rows/s target. Milliseconds, or null where no `sqlite3` is installed.
 */
async function sqliteShellMs(gbkCsv: string, db: string): Promise<number | null> {
  const utf8 = `${gbkCsv}.utf8`
  await pipeline(
    fs.createReadStream(gbkCsv),
    iconv.decodeStream('gbk'),
    iconv.encodeStream('utf8'),
    fs.createWriteStream(utf8),
  )
  const started = performance.now()
  const run = spawnSync(
    'sqlite3',
    [db, 'PRAGMA journal_mode = WAL;', 'PRAGMA synchronous = NORMAL;', '.mode csv', `.import ${utf8} raw`],
    { encoding: 'utf8' },
  )
  const ms = performance.now() - started
  fs.rmSync(utf8, { force: true })
  return run.error || run.status !== 0 ? null : ms
}

try {
  for (const rows of sizes) {
    for (const format of ['csv', 'xlsx'] as const) {
      if (format === 'xlsx' && rows > xlsxMax) {
        console.log(`import ${format} ${fmt(rows)} rows: skipped (BENCH_XLSX_MAX=${xlsxMax})`)
        continue
      }
      const file = path.join(dir, `020101-${rows}.${format}`)
      const g = performance.now()
      if (format === 'csv') await writeGbkCsv(file, rows)
      else await writeXlsx(file, rows)
      const size = fs.statSync(file).size
      console.log(
        `\n== ${format} ${fmt(rows)} rows (${(size / 1e6).toFixed(0)} MB, generated in ${((performance.now() - g) / 1000).toFixed(1)} s)`,
      )
      const parse = child(format === 'csv' ? 'parse' : 'parse', file)
      console.log(
        `  parse only (yanpan reader):  ${(parse.ms / 1000).toFixed(2)} s  ${fmt((rows / parse.ms) * 1000)} rows/s  peak RSS ${parse.rssMb} MB`,
      )
      if (format === 'xlsx') {
        // exceljs alone on the bytes the import's reader gives it: the reference for the xlsx ratio.
        const bare = child('exceljs-restreamed', file)
        console.log(
          `  parse only (bare exceljs, workbook re-streamed as the reader does): ${(bare.ms / 1000).toFixed(2)} s  peak RSS ${bare.rssMb} MB  → import/exceljs ratio below`,
        )
        parse.bareMs = bare.ms
        try {
          const asIs = child('exceljs', file, '', true)
          console.log(`  parse only (bare exceljs on the file as is): ${(asIs.ms / 1000).toFixed(2)} s`)
        } catch {
          console.log(
            '  parse only (bare exceljs on the file as is): fails (ZIP64 data descriptors, see read/xlsx-stream.ts)',
          )
        }
      }
      const rawDb = path.join(dir, `raw-${rows}-${format}.db`)
      const raw = child('raw-insert', file, rawDb)
      const rawInsertMs = Math.max(raw.ms - parse.ms, 1)
      console.log(`  raw insert (parse+insert − parse): ${(rawInsertMs / 1000).toFixed(2)} s`)
      const db = path.join(dir, `ws-${rows}-${format}.db`)
      const imp = child('import', file, db)
      console.log(
        `  FULL IMPORT: ${(imp.ms / 1000).toFixed(2)} s  ${fmt((rows / imp.ms) * 1000)} rows/s  peak RSS ${imp.rssMb} MB` +
          `  = ${(imp.ms / (parse.ms + rawInsertMs)).toFixed(2)}× (parse + raw insert)` +
          (parse.bareMs ? `  = ${(imp.ms / parse.bareMs).toFixed(2)}× bare exceljs parse` : ''),
      )
      if (format === 'csv') {
        const shell = await sqliteShellMs(file, path.join(dir, `shell-${rows}.db`))
        console.log(
          shell === null
            ? '  sqlite3 shell .import: skipped (no sqlite3 on PATH)'
            : `  sqlite3 shell .import of the same rows (C, TEXT columns, no typing): ${(shell / 1000).toFixed(2)} s  ${fmt((rows / shell) * 1000)} rows/s`,
        )
      }
      if (rows >= 1_000_000 && format === 'csv') {
        const grid = child('grid', '', db)
        console.log(
          `  grid pages of 200 rows at ${fmt(rows)} records: first ${grid.firstPageColdMs.toFixed(1)} ms cold / ${grid.firstPageWarmMs.toFixed(1)} ms warm, ` +
            `next (keyset) ${grid.keysetNextPageMs.toFixed(1)} ms, middle ${grid.middlePageMs.toFixed(1)} ms, last ${grid.lastPageMs.toFixed(1)} ms, ` +
            `sorted first ${grid.sortedFirstPageMs.toFixed(1)} ms (builds the sort index once), sorted middle ${grid.sortedMiddlePageMs.toFixed(1)} ms, sorted next ${grid.sortedNextPageMs.toFixed(1)} ms, filtered ${grid.filteredPageMs.toFixed(1)} ms`,
        )
      }
      for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true, recursive: true })
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
