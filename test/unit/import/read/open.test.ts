import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSheet } from '../../../../electron/engine/import/read/open.ts'
import { sniffKind } from '../../../../electron/engine/import/read/sniff.ts'
import { expectEngineError, fixture, readAll } from './read-all.ts'

describe('openSheet', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yanpan-open-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('opens a workbook by its bytes, whatever its name', async () => {
    const renamed = join(dir, 'export.csv')
    await copyFile(fixture('cases.xlsx'), renamed)
    const reader = await openSheet(renamed, 'export.csv')
    expect(reader.format).toBe('xlsx')
    expect((await readAll(reader)).rows).toHaveLength(9)
  })

  it('imports an ".xls" that is really CSV text as CSV', async () => {
    const reader = await openSheet(fixture('csv-as.xls'), 'csv-as.xls')
    expect([reader.format, reader.encoding, reader.delimiter]).toEqual(['csv', 'gb18030', ','])
    expect((await readAll(reader)).rows[1].cells[1]).toBe('张某盗窃案')
  })

  it('opens tab-separated UTF-16 "Unicode text"', async () => {
    const reader = await openSheet(fixture('utf16le.txt'), 'utf16le.txt')
    expect([reader.format, reader.encoding, reader.delimiter]).toEqual(['csv', 'utf-16le', '\t'])
  })

  it('asks for .xlsx when given a legacy .xls', async () => {
    await expectEngineError(
      () => openSheet(fixture('legacy.xls'), 'a.xls'),
      'UNSUPPORTED_FORMAT',
      '「a.xls」是旧版 Excel 97-2003 格式（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入。',
    )
  })

  it('explains that an OLE2 file named .xlsx is a password-protected workbook', async () => {
    await expectEngineError(
      () => openSheet(fixture('legacy.xls'), '加密.xlsx'),
      'UNSUPPORTED_FORMAT',
      '「加密.xlsx」',
      '密码',
    )
  })

  it('rejects an HTML table saved as .xls', async () => {
    await expectEngineError(
      () => openSheet(fixture('html-as.xls'), 'html-as.xls'),
      'UNSUPPORTED_FORMAT',
      '「html-as.xls」',
      'HTML',
    )
  })

  it('reports an empty file', async () => {
    await expectEngineError(
      () => openSheet(fixture('empty.csv'), 'empty.csv'),
      'NO_HEADER',
      '「empty.csv」',
      '空文件',
    )
  })

  it('calls binary bytes named .xlsx a damaged workbook, and named .csv a damaged text file', async () => {
    await expectEngineError(
      () => openSheet(fixture('not-zip.xlsx'), 'not-zip.xlsx'),
      'CORRUPT_FILE',
      '「not-zip.xlsx」',
      '文件已损坏或不完整',
    )
    await expectEngineError(
      () => openSheet(fixture('binary-garbage.csv'), 'binary-garbage.csv'),
      'CORRUPT_FILE',
      '「binary-garbage.csv」',
      '二进制',
    )
  })

  it('passes on zip-level errors', async () => {
    await expectEngineError(
      () => openSheet(fixture('zip-bomb.xlsx'), 'zip-bomb.xlsx'),
      'TOO_LARGE',
      '「zip-bomb.xlsx」',
    )
    await expectEngineError(
      () => openSheet(fixture('truncated.xlsx'), 'truncated.xlsx'),
      'CORRUPT_FILE',
      '「truncated.xlsx」',
    )
    await expectEngineError(
      () => openSheet(fixture('not-workbook.xlsx'), 'not-workbook.xlsx'),
      'UNSUPPORTED_FORMAT',
      '「not-workbook.xlsx」',
    )
  })

  it('reports a missing file or a folder in Chinese', async () => {
    await expectEngineError(
      () => openSheet(join(dir, 'gone.csv'), 'gone.csv'),
      'NOT_FOUND',
      '找不到文件「gone.csv」',
    )
    await expectEngineError(() => openSheet(dir, '数据'), 'BAD_ARGUMENT', '「数据」是文件夹')
  })
})

describe('sniffKind', () => {
  const kind = (bytes: number[] | string) =>
    sniffKind(typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes))

  it('recognises containers by magic bytes', () => {
    expect(kind([0x50, 0x4b, 0x03, 0x04, 0x14])).toBe('zip')
    expect(kind([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).toBe('ole2')
    expect(kind('%PDF-1.7')).toBe('pdf')
    expect(kind([0x1f, 0x8b, 0x08])).toBe('gzip')
    expect(kind([])).toBe('empty')
  })

  it('recognises markup but not CSV text that starts with "<"', () => {
    expect(kind('\ufeff  <!DOCTYPE html><html>')).toBe('html')
    expect(kind('<table border=1><tr>')).toBe('html')
    expect(
      kind(
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
      ),
    ).toBe('xml-spreadsheet')
    expect(kind('<备注>,部门受案号\n')).toBe('text')
    expect(kind('部门受案号,受理日期\n')).toBe('text')
  })
})
