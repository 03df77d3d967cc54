/**
 * Reader throughput: `npx tsx bench/readers.ts [csvRows] [xlsxRows]`.
 * 1. A 200k-row × 100-column GBK CSV shaped like a 2.0 export: parse-only rows/s of openCsv, next to a
 *    bare iconv + papaparse loop over the same bytes (the floor any reader pays).
 * 2. A 50k-row xlsx (same columns, real date and number cells): openXlsx rows/s next to a bare exceljs
 *    WorkbookReader loop with the same options that only touches `row.values` (target: ≤ 1.2×).
 * Files go to a temp dir that is removed afterwards. An xlsx row count of 0 skips the xlsx part.
 * V8's young generation matters here (rows are short-lived garbage): compare with
 * `node --max-semi-space-size=64 --import tsx bench/readers.ts`.
 */
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { once } from 'node:events'
import ExcelJS from '../electron/engine/xlsx/exceljs.ts'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { openCsv } from '../electron/engine/import/read/csv.ts'
import { openXlsx } from '../electron/engine/import/read/xlsx.ts'

const CSV_ROWS = Number(process.argv[2] ?? 200_000)
const XLSX_ROWS = Number(process.argv[3] ?? 50_000)
const COLUMNS = 100

/** Real export headers when the shared domain notes are beside the repo; synthetic names otherwise. */
function exportHeaders(): string[] {
  try {
    const file = fileURLToPath(new URL('../../shared/domain/export-columns.json', import.meta.url))
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    return ['common', '020101', '010101'].flatMap((key) =>
      Array.isArray(json[key]) ? (json[key] as string[]) : [],
    )
  } catch {
    return []
  }
}
const HEADER = [...new Set(exportHeaders())].slice(0, COLUMNS)
while (HEADER.length < COLUMNS) HEADER.push(`扩展列${HEADER.length + 1}`)

type Kind = 'id' | 'date' | 'number' | 'text' | 'flag' | 'list'
const kindOf = (name: string): Kind =>
  name === '部门受案号' || name === '嫌疑人编号'
    ? 'id'
    : /日期/.test(name)
      ? 'date'
      : /万元|年龄|刑期/.test(name)
        ? 'number'
        : /^是否/.test(name)
          ? 'flag'
          : /其他/.test(name)
            ? 'list'
            : 'text'
const KINDS = HEADER.map(kindOf)
const TEXTS = [
  '盗窃罪',
  '诈骗罪',
  '故意伤害罪',
  '危险驾驶罪',
  '起诉',
  '不起诉',
  '第一检察部',
  '王明',
  '陈静',
  '无',
  '刑事处罚',
  '帮助信息网络犯罪活动罪',
]

function cellValue(kind: Kind, row: number, col: number): string | number | Date | null {
  const r = (row * 31 + col * 17) % 97
  if (kind !== 'id' && r < 30) return null // exports are sparse: about a third of the cells are empty
  switch (kind) {
    case 'id':
      return col === 0
        ? `宁检诉受[2024]3201020${String(row).padStart(5, '0')}号`
        : `3201022024${String(row).padStart(6, '0')}`
    case 'date':
      return new Date(Date.UTC(2024, r % 12, 1 + (r % 28)))
    case 'number':
      return r % 40
    case 'flag':
      return r % 2 ? '是' : '否'
    case 'list': // multi-value 案由 cells are comma lists, so the CSV quotes them
      return r % 3 ? TEXTS[r % 4] : `${TEXTS[r % 4]},${TEXTS[(r + 1) % 4]}`
    default:
      return TEXTS[r % TEXTS.length]
  }
}

function csvText(v: ReturnType<typeof cellValue>): string {
  const text = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)
  return text.includes(',') ? `"${text}"` : text
}

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path)
  const write = async (text: string): Promise<void> => {
    if (!out.write(iconv.encode(text, 'gbk'))) await once(out, 'drain')
  }
  await write(HEADER.join(',') + '\r\n')
  for (let start = 0; start < CSV_ROWS; start += 2000) {
    let text = ''
    for (let row = start; row < Math.min(CSV_ROWS, start + 2000); row++) {
      text += KINDS.map((kind, col) => csvText(cellValue(kind, row, col))).join(',') + '\r\n'
    }
    await write(text)
  }
  out.end()
  await once(out, 'finish')
}

async function writeXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  })
  const sheet = workbook.addWorksheet('明细')
  sheet.addRow(HEADER).commit()
  for (let row = 0; row < XLSX_ROWS; row++) {
    const r = sheet.addRow(KINDS.map((kind, col) => cellValue(kind, row, col)))
    KINDS.forEach((kind, col) => {
      if (kind === 'date') r.getCell(col + 1).numFmt = 'yyyy-mm-dd'
    })
    r.commit()
  }
  sheet.commit()
  await workbook.commit()
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint()
  const result = await fn()
  return [result, Number(process.hrtime.bigint() - start) / 1e9]
}

async function csvReaderRows(path: string): Promise<number> {
  const reader = await openCsv(path, 'bench.csv')
  let rows = 0
  for await (const batch of reader.batches()) rows += batch.length
  return rows
}

async function bareCsvRows(path: string): Promise<number> {
  const decoder = iconv.getDecoder('gb18030')
  const parser = new Papa.Parser({ delimiter: ',', newline: '\r\n' })
  let rows = 0
  let pending = ''
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const input = pending + decoder.write(chunk as Buffer)
    const result = parser.parse(input, 0, true)
    rows += result.data.length
    pending = input.slice(result.meta.cursor)
  }
  if (pending) rows += parser.parse(pending, 0, false).data.length
  return rows
}

async function xlsxReaderRows(path: string): Promise<number> {
  const reader = await openXlsx(path, 'bench.xlsx')
  let rows = 0
  for await (const batch of reader.batches()) rows += batch.length
  return rows
}

async function bareXlsxRows(path: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  })
  let rows = 0
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      if (row.values) rows++
    }
    break
  }
  return rows
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US')

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'yanpan-bench-'))
  try {
    const csv = join(dir, 'bench.csv')
    const [, csvWrite] = await time(() => writeCsv(csv))
    const mb = statSync(csv).size / 1024 ** 2
    console.log(
      `CSV: ${fmt(CSV_ROWS)} rows × ${COLUMNS} cols, GBK, ${mb.toFixed(1)} MB (written in ${csvWrite.toFixed(1)} s)`,
    )
    for (let run = 1; run <= 2; run++) {
      const [bare, bareSeconds] = await time(() => bareCsvRows(csv))
      const [rows, seconds] = await time(() => csvReaderRows(csv))
      console.log(
        `  run ${run}: openCsv ${fmt(rows / seconds)} rows/s (${seconds.toFixed(2)} s, ${(mb / seconds).toFixed(0)} MB/s); ` +
          `bare iconv+papaparse ${fmt(bare / bareSeconds)} rows/s (${bareSeconds.toFixed(2)} s); ratio ${(seconds / bareSeconds).toFixed(2)}×`,
      )
    }
    if (XLSX_ROWS === 0) return
    const xlsx = join(dir, 'bench.xlsx')
    const [, xlsxWrite] = await time(() => writeXlsx(xlsx))
    console.log(
      `XLSX: ${fmt(XLSX_ROWS)} rows × ${COLUMNS} cols, ${(statSync(xlsx).size / 1024 ** 2).toFixed(1)} MB (written in ${xlsxWrite.toFixed(1)} s)`,
    )
    for (let run = 1; run <= 2; run++) {
      const [bare, bareSeconds] = await time(() => bareXlsxRows(xlsx))
      const [rows, seconds] = await time(() => xlsxReaderRows(xlsx))
      console.log(
        `  run ${run}: openXlsx ${fmt(rows / seconds)} rows/s (${seconds.toFixed(2)} s); ` +
          `bare exceljs ${fmt(bare / bareSeconds)} rows/s (${bareSeconds.toFixed(2)} s); ratio ${(seconds / bareSeconds).toFixed(2)}×`,
      )
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
