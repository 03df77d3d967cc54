import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from '../../../../electron/engine/xlsx/exceljs.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openXlsx } from '../../../../electron/engine/import/read/xlsx.ts'
import { cellText, dateText } from '../../../../electron/engine/import/read/xlsx-cells.ts'
import { inspectXlsxZip, judgeZipEntries } from '../../../../electron/engine/import/read/zip-guard.ts'
import { XLSX_EXPECTED } from '../../../fixtures/make-fixtures.ts'
import { expectEngineError, fixture, readAll } from './read-all.ts'

describe('openXlsx on cases.xlsx', () => {
  // cases.xlsx stores the sheet before sharedStrings/styles as Excel does (exceljs spools it to a temp
  // file); cases-streamable.xlsx stores them first (exceljs streams the sheet directly).
  it.each(['cases.xlsx', 'cases-streamable.xlsx'])(
    '%s: every cell text and sheet row number',
    async (name) => {
      const reader = await openXlsx(fixture(name), name)
      expect(reader.format).toBe('xlsx')
      expect(reader.encoding).toBeNull()
      expect(reader.delimiter).toBeNull()
      const { rows } = await readAll(reader)
      expect(reader.sheet).toBe('一审公诉')
      expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10])
      expect(Object.fromEntries(rows.map((r) => [r.line, r.cells]))).toEqual(XLSX_EXPECTED)
      expect(reader.bytesRead()).toBe(reader.totalBytes)
    },
  )

  it('converts each kind of cell', async () => {
    const { rows } = await readAll(await openXlsx(fixture('cases.xlsx'), 'cases.xlsx'))
    const row = (line: number) => rows.find((r) => r.line === line)!.cells
    expect(row(5)[4]).toBe('2024-01-05') // date cell, custom format yyyy-mm-dd
    expect(row(5)[5]).toBe('2024-02-20') // date cell, built-in Chinese format 31 (yyyy"年"m"月"d"日")
    expect(row(5)[12]).toBe('2024-02-20 14:30:00') // date with a time of day
    expect(row(8)[4]).toBe('2024-02-05') // formula =E5+31 with a date format: its cached result
    expect(row(5)[6]).toBe('25') // number
    expect(row(9)[13]).toBe('0.30000000000000004') // shortest round-trip text of the stored double
    expect(row(5)[14]).toBe('需要核对') // rich text
    expect(row(6)[14]).toBe('TRUE') // boolean
    expect(row(8)[14]).toBe('#N/A') // error value
    expect(row(9)[1]).toBe('陈某非法经营案') // hyperlink: its text
    expect(row(9)[14]).toBe('补录') // string formula: cached result
    expect(row(9)[5]).toBe('') // empty (styled) cell
  })

  const SHEET_CHOICE_ROWS = [
    { line: 3, cells: ['部门受案号', '嫌疑人姓名', '受理日期'] },
    { line: 4, cells: ['宁检捕受[2024]32010200001号', '张某', '2024-01-05'] },
    { line: 5, cells: ['宁检捕受[2024]32010200002号', '李某某', '2024-01-08'] },
  ]

  it.each(['sheet-choice.xlsx', 'sheet-choice-streamable.xlsx'])(
    '%s: the first visible sheet that has data, with its row numbers',
    async (name) => {
      const reader = await openXlsx(fixture(name), name)
      const { rows } = await readAll(reader)
      expect(reader.sheet).toBe('明细')
      expect(rows).toEqual(SHEET_CHOICE_ROWS)
    },
  )

  it('reads a workbook in Excel order right every time, hidden sheet included', async () => {
    // exceljs's zip streaming ends its pass early in about one read in eight of this file (sheets
    // before sharedStrings.xml and styles.xml, as Excel writes them) and then yields the text cells
    // unresolved, and a skipped hidden sheet's spool file used to fail to open after deletion.
    for (let i = 0; i < 100; i++) {
      const reader = await openXlsx(fixture('sheet-choice.xlsx'), 'sheet-choice.xlsx')
      const { rows } = await readAll(reader)
      expect(rows, `read ${i + 1}`).toEqual(SHEET_CHOICE_ROWS)
    }
  })
})

describe('openXlsx on bad input', () => {
  it('rejects a truncated file as damaged', async () => {
    await expectEngineError(
      () => openXlsx(fixture('truncated.xlsx'), 'truncated.xlsx'),
      'CORRUPT_FILE',
      '「truncated.xlsx」',
      '文件已损坏或不完整',
    )
  })

  it('rejects a file that is not a zip as damaged', async () => {
    await expectEngineError(
      () => openXlsx(fixture('not-zip.xlsx'), 'not-zip.xlsx'),
      'CORRUPT_FILE',
      '「not-zip.xlsx」',
      '文件已损坏或不完整',
    )
  })

  it('rejects a zip without a workbook as unsupported', async () => {
    await expectEngineError(
      () => openXlsx(fixture('not-workbook.xlsx'), 'not-workbook.xlsx'),
      'UNSUPPORTED_FORMAT',
      '「not-workbook.xlsx」',
      'xl/workbook.xml',
    )
  })

  it('rejects a decompression bomb before inflating it', async () => {
    await expectEngineError(
      () => openXlsx(fixture('zip-bomb.xlsx'), 'zip-bomb.xlsx'),
      'TOO_LARGE',
      '「zip-bomb.xlsx」',
      'xl/worksheets/sheet1.xml',
      '压缩炸弹',
    )
  })

  it('stops streaming past the row and cell limits', async () => {
    await expectEngineError(
      () => readAll(ExcelReader('cases.xlsx', { maxRows: 3 })),
      'TOO_LARGE',
      '「cases.xlsx」',
      '一审公诉',
      '3 行',
    )
    await expectEngineError(
      () => readAll(ExcelReader('cases.xlsx', { maxCells: 40 })),
      'TOO_LARGE',
      '40 个单元格',
    )
  })
})

/** A reader whose `batches()` can be awaited lazily inside expectEngineError. */
function ExcelReader(name: string, options: { maxRows?: number; maxCells?: number }) {
  const opened = openXlsx(fixture(name), name, options)
  return {
    async *batches() {
      yield* (await opened).batches()
    },
  } as unknown as Awaited<typeof opened>
}

describe('zip guard', () => {
  const entry = (name: string, compressedSize: number, uncompressedSize: number) => ({
    name,
    compressedSize,
    uncompressedSize,
  })

  it('judges declared sizes', () => {
    const workbook = entry('xl/workbook.xml', 500, 2000)
    const sheet = (i: number, compressed: number, inflated: number) =>
      entry(`xl/worksheets/sheet${i}.xml`, compressed, inflated)
    const judge = (entries: ReturnType<typeof entry>[], name: string) => () =>
      judgeZipEntries(entries, name, entries.reduce((sum, e) => sum + e.compressedSize, 0) + 10_000)
    expect(judge([workbook, sheet(1, 10_000_000, 150_000_000)], 'ok.xlsx')).not.toThrow()
    // Highly compressible but small: a sheet of repeated values, not a bomb.
    expect(judge([workbook, sheet(1, 100_000, 40_000_000)], 'ok.xlsx')).not.toThrow()
    expect(judge([workbook, sheet(1, 200_000, 60_000_000)], 'bomb.xlsx')).toThrow(/压缩比约 300:1/)
    // A million-row 020101 export: 613 MB holding 4.2 GB of sheet XML.
    expect(judge([workbook, sheet(1, 613_000_000, 4_200_000_000)], 'big.xlsx')).not.toThrow()
    // Many entries each under the per-entry rule, a bomb together.
    const small = Array.from({ length: 120 }, (_, i) => sheet(i + 1, 400_000, 45_000_000))
    expect(judge([workbook, ...small], 'many.xlsx')).toThrow(/解压后共 5.0 GB，压缩比约 112:1/)
    const huge = Array.from({ length: 5 }, (_, i) => sheet(i + 1, 400_000_000, 4_000_000_000))
    expect(judge([workbook, ...huge], 'huge.xlsx')).toThrow(/超过 16\.0 GB 的上限/)
    // Entries whose compressed data overlap: more data than the file holds.
    const overlapping = [workbook, sheet(1, 30_000_000, 300_000_000), sheet(2, 30_000_000, 300_000_000)]
    expect(() => judgeZipEntries(overlapping, 'overlap.xlsx', 31_000_000)).toThrow(/条目相互重叠/)
  })

  it('lists the entries of a sound workbook', async () => {
    const entries = await inspectXlsxZip(fixture('cases.xlsx'), 'cases.xlsx')
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml')
    expect(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.uncompressedSize).toBeGreaterThan(1000)
  })
})

describe('cell conversion', () => {
  it('formats dates from UTC fields, to the second', () => {
    expect(dateText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29')
    expect(dateText(new Date(Date.UTC(2024, 1, 29, 8, 5, 9)))).toBe('2024-02-29 08:05:09')
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 23, 59, 59, 600)))).toBe('2024-01-06')
    expect(dateText(new Date(Date.UTC(1899, 11, 30, 14, 30)))).toBe('14:30:00') // a time-only cell
    expect(dateText(new Date(NaN))).toBe('')
  })

  it('turns every exceljs value shape into text', () => {
    expect(cellText(1e21, null, 1)).toBe('1e+21')
    expect(cellText(-0.5, null, 1)).toBe('-0.5')
    expect(cellText(false, null, 1)).toBe('FALSE')
    expect(cellText({ richText: [{ text: '甲' }, { text: '乙' }] }, null, 1)).toBe('甲乙')
    expect(cellText({ formula: 'A1', result: 3 }, null, 1)).toBe('3')
    expect(cellText({ sharedFormula: 'A1', result: '文' }, null, 1)).toBe('文')
    expect(cellText({ formula: 'NA()', result: NaN }, null, 1)).toBe('')
    expect(cellText({ formula: 'A1' }, null, 1)).toBe('')
    expect(cellText({ text: { richText: [{ text: '链' }] }, hyperlink: 'x' }, null, 1)).toBe('链')
    expect(cellText({ error: '#DIV/0!' }, null, 1)).toBe('#DIV/0!')
  })
})

describe('openXlsx streaming', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yanpan-xlsx-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('yields batches of 2000 rows, with progress from the sheet XML parsed', async () => {
    const path = join(dir, 'big.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
    const sheet = writer.addWorksheet('明细')
    sheet.addRow(['部门受案号', '嫌疑人姓名', '受理日期']).commit()
    for (let i = 1; i <= 4500; i++) {
      sheet
        .addRow([
          `宁检捕受[2024]320102${String(i).padStart(5, '0')}号`,
          `嫌疑人${i}`,
          new Date(Date.UTC(2024, 0, 1 + (i % 300))),
        ])
        .commit()
    }
    sheet.commit()
    await writer.commit()
    const reader = await openXlsx(path, 'big.xlsx')
    const sizes: number[] = []
    const progress: number[] = []
    let last: { line: number; cells: string[] } | undefined
    for await (const batch of reader.batches()) {
      sizes.push(batch.length)
      progress.push(reader.bytesRead())
      last = batch[batch.length - 1]
    }
    expect(sizes).toEqual([2000, 2000, 501])
    expect(last).toEqual({ line: 4501, cells: ['宁检捕受[2024]32010204500号', '嫌疑人4500', '2024-01-01'] })
    expect(progress[0]).toBeGreaterThan(0)
    expect(progress[0]).toBeLessThan(reader.totalBytes / 2)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('stops when closed in the middle', async () => {
    const reader = await openXlsx(fixture('cases.xlsx'), 'cases.xlsx', { batchSize: 2 })
    const seen: number[] = []
    for await (const batch of reader.batches()) {
      seen.push(...batch.map((r) => r.line))
      await reader.close()
    }
    await reader.close()
    expect(seen).toEqual([1, 2])
  })
})
