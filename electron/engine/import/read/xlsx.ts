import type { EventEmitter } from 'node:events'
import type { Readable } from 'node:stream'
import { stat } from 'node:fs/promises'
import ExcelJS from '../../xlsx/exceljs.ts'
import type { Row } from 'exceljs'
import { EngineError } from '../../errors.ts'
import type { RawRow, SheetReader } from './types.ts'
import { xlsxStream } from './xlsx-stream.ts'
import { corruptZip, inspectXlsxZip } from './zip-guard.ts'
import { patchCjkDateFormats } from './xlsx-numfmt.ts'
import { rowTexts } from './xlsx-cells.ts'

export interface XlsxOptions {
  batchSize?: number
  /** Decompression-bomb guards while streaming (the zip guard only sees declared sizes). */
  maxRows?: number
  maxCells?: number
}

/**
 * Excel's own sheet holds 1,048,576 rows; a 020101 export that long has ~120 million cells. Past these
 * a sheet is not an export but a bomb or a broken file.
 */
export const XLSX_LIMITS = { maxRows: 1_048_576, maxCells: 300_000_000 }

/** Zip parts the cells depend on, and the type of exceljs's 'entry' event once it has read them. */
const PARTS_CELLS_NEED = new Map([
  ['xl/sharedStrings.xml', 'shared-strings'],
  ['xl/styles.xml', 'styles'],
])
/** Reads of a workbook before giving up on one whose parts exceljs keeps missing. */
const PART_ATTEMPTS = 5

/** What exceljs's streamed worksheet really carries (its typings omit these). */
interface StreamedSheet extends AsyncIterable<Row> {
  name?: string
  state?: string
  /** The sheet XML chunks the reader parses; replaced below to count them for progress. */
  iterator?: AsyncIterable<Buffer | string>
}

/**
 * Streams the first visible worksheet that has data, as rows of cell texts keeping their sheet row
 * numbers. exceljs's WorkbookReader is used with styles cached (needed to recognise date cells) and
 * shared strings cached; hyperlinks are ignored because the cell already holds the link's text.
 *
 * exceljs reads the workbook re-streamed by `xlsxStream` (sizes in every header, parts before sheets).
 *
 * Progress (`bytesRead`): the share of the sheet's XML parsed so far (counted on the chunks exceljs
 * parses, against the entry's size from the zip directory), scaled to the file size. If a future
 * exceljs no longer exposes that chunk iterator, progress stays at 0 until the end.
 */
export async function openXlsx(
  path: string,
  displayName: string,
  options: XlsxOptions = {},
): Promise<SheetReader> {
  const batchSize = options.batchSize ?? 2000
  const maxRows = options.maxRows ?? XLSX_LIMITS.maxRows
  const maxCells = options.maxCells ?? XLSX_LIMITS.maxCells
  patchCjkDateFormats()
  const { size } = await stat(path)
  const entrySizes = new Map(
    (await inspectXlsxZip(path, displayName)).map((e) => [e.name, e.uncompressedSize]),
  )

  let fileStream: Readable | null = null
  let closed = false
  let finished = false
  let sheetName: string | null = null
  let sheetSize = 0
  let sheetBytes = 0
  let lastRowNumber = 0

  // The parts the sheets' cells depend on (text cells on shared strings, dates on styles).
  const needed = [...PARTS_CELLS_NEED].filter(([name]) => entrySizes.has(name)).map(([, type]) => type)

  /**
   * One read of the workbook. exceljs's zip streaming now and then ends its pass over the entries
   * early when the sheets come before sharedStrings.xml and styles.xml (the order Excel writes),
   * and then parses the spooled sheets without them: text cells come out as unresolved indexes and
   * dates as numbers. Such a read is recognised before its first row, and the workbook is read again.
   * (xlsxStream now hands exceljs those parts before the sheets; the check stays as a guard.)
   */
  async function* batches(): AsyncGenerator<RawRow[]> {
    reads: for (let attempt = 1; attempt <= PART_ATTEMPTS; attempt++) {
      if (closed) return
      const input = await xlsxStream(path)
      fileStream = input
      const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'emit',
      })
      let entryName = ''
      const seen = new Set<string>()
      // The reader is an EventEmitter at runtime; its typings (it extends Workbook there) omit that.
      ;(workbook as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
        seen.add(entry.type)
        if (entry.type === 'worksheet') entryName = `xl/worksheets/sheet${entry.id}.xml`
      })
      let rowCount = 0
      let cellCount = 0
      let batch: RawRow[] = []
      try {
        for await (const worksheet of workbook) {
          // Parts are all read before the first sheet is given out, so this is before any row.
          if (needed.some((type) => !seen.has(type))) continue reads
          const sheet = worksheet as unknown as StreamedSheet
          if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
            // Read to its end, not abandoned: exceljs deletes a sheet it spooled to a temp file as soon
            // as it moves on, and an abandoned sheet's stream then fails to open (an uncaught ENOENT).
            for await (const _row of sheet) if (closed) return
            continue
          }
          sheetBytes = 0
          sheetSize = entrySizes.get(entryName) ?? 0
          if (sheetSize > 0 && sheet.iterator && Symbol.asyncIterator in sheet.iterator) {
            sheet.iterator = counted(sheet.iterator, (n) => (sheetBytes += n))
          } else {
            sheetSize = 0
          }
          let hasData = false
          for await (const row of sheet) {
            if (closed) return
            const cells = rowTexts(row)
            rowCount++
            cellCount += cells.length
            if (rowCount > maxRows || cellCount > maxCells)
              throw tooLarge(displayName, sheet.name, maxRows, maxCells)
            // Rows that only carry formatting have no cells; they are no more data than absent rows.
            if (cells.length === 0) continue
            if (!hasData) {
              if (cells.every((c) => c === '')) continue
              hasData = true
              sheetName = sheet.name ?? null
            }
            lastRowNumber = row.number
            batch.push({ line: row.number, cells })
            if (batch.length >= batchSize) {
              yield batch
              batch = []
            }
          }
          if (hasData) break
        }
        if (batch.length > 0) yield batch
        finished = true
        return
      } catch (error) {
        if (closed) return
        if (error instanceof EngineError) throw error
        throw readFailure(displayName, lastRowNumber + 1, error)
      } finally {
        input.destroy()
      }
    }
    throw new EngineError(
      'CORRUPT_FILE',
      `「${displayName}」的共享字符串或样式部分未能读出（已重试 ${PART_ATTEMPTS} 次），为避免导入空白或错误的值已停止。请用 Excel 或 WPS 打开后重新保存为 .xlsx 再导入。`,
      { file: displayName },
    )
  }

  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    get sheet() {
      return sheetName
    },
    totalBytes: size,
    bytesRead() {
      if (finished) return size
      if (sheetSize > 0) return Math.min(size, Math.round((size * sheetBytes) / sheetSize))
      return 0
    },
    batches,
    async close() {
      closed = true
      fileStream?.destroy()
    },
  }
}

async function* counted(
  chunks: AsyncIterable<Buffer | string>,
  add: (n: number) => void,
): AsyncGenerator<Buffer | string> {
  for await (const chunk of chunks) {
    add(chunk.length)
    yield chunk
  }
}

function tooLarge(
  displayName: string,
  sheet: string | undefined,
  maxRows: number,
  maxCells: number,
): EngineError {
  return new EngineError(
    'TOO_LARGE',
    `「${displayName}」的工作表「${sheet ?? ''}」超过 ${maxRows.toLocaleString('en-US')} 行或 ${maxCells.toLocaleString('en-US')} 个单元格的上限，` +
      '疑似异常文件（如“压缩炸弹”），已停止读取。如确为超大数据，请拆分后分批导入。',
    { file: displayName },
  )
}

function readFailure(displayName: string, row: number, error: unknown): EngineError {
  const base = corruptZip(displayName)
  const detail = error instanceof Error ? error.message : String(error)
  return new EngineError('CORRUPT_FILE', `${base.message}（读取到第 ${row} 行附近时出错：${detail}）`, {
    file: displayName,
    row,
  })
}
