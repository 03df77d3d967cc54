/**
 * Workbooks as streaming writers produce them (sizes in data descriptors after the data), which
 * exceljs's own zip reading cannot take: ZIP64 descriptors of entries over 4 GiB, and a descriptor
 * signature met by chance inside an entry's data. openXlsx reads them through xlsxStream, which takes
 * every size from the central directory, and streams the sheets after the parts they need.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { openXlsx } from '../../../../electron/engine/import/read/xlsx.ts'
import ExcelJS from '../../../../electron/engine/xlsx/exceljs.ts'
import { zip as writeZip, type ZipInput } from '../../../helpers/zip-writer.ts'
import { tempDir } from '../../../helpers/workspace.ts'
import { readAll } from './read-all.ts'

const ROWS = 2_000

/** A workbook's parts in exceljs's own order (the sheet before workbook.xml), and its rows. */
async function workbook(useSharedStrings: boolean): Promise<{ parts: ZipInput[]; rows: string[][] }> {
  const file = path.join(tempDir(), 'source.xlsx')
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings })
  const sheet = writer.addWorksheet('明细')
  const rows = [['部门受案号', '案由', '受理日期']]
  for (let i = 0; i < ROWS; i++)
    rows.push([
      `宁检诉受[2024]320102${String(i).padStart(5, '0')}号`,
      '走私、贩卖、运输、制造毒品罪',
      '2024-03-05',
    ])
  for (const row of rows) sheet.addRow(row).commit()
  sheet.commit()
  await writer.commit()
  const zip = await JSZip.loadAsync(fs.readFileSync(file))
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir)
  const parts = await Promise.all(
    names.map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })),
  )
  return { parts, rows }
}

async function cellsOf(file: string): Promise<string[][]> {
  const reader = await openXlsx(file, path.basename(file))
  const { rows } = await readAll(reader)
  return rows.map((r) => r.cells)
}

describe('xlsx written by a streaming writer', () => {
  it.each([true, false])(
    'reads every cell of a workbook with ZIP64 data descriptors (shared strings: %s)',
    async (useSharedStrings) => {
      const { parts, rows } = await workbook(useSharedStrings)
      const file = path.join(tempDir(), 'zip64.xlsx')
      fs.writeFileSync(file, writeZip(parts, { descriptors: 'zip64' }))
      expect(await cellsOf(file)).toEqual(rows)
    },
  )

  it('reads past an entry whose data holds a data-descriptor signature', async () => {
    const { parts, rows } = await workbook(true)
    // A stored part (a picture, say) whose bytes happen to contain "PK\x07\x08": a reader that looks
    // for the signature to find the end of the data stops there.
    const picture = Buffer.concat([
      Buffer.alloc(100, 1),
      Buffer.from([0x50, 0x4b, 0x07, 0x08]),
      Buffer.alloc(100, 2),
    ])
    const sheetFirst = [
      { name: 'xl/media/image1.png', data: picture, store: true },
      ...parts.filter((p) => p.name.startsWith('xl/worksheets/')),
      ...parts.filter((p) => !p.name.startsWith('xl/worksheets/')),
    ]
    const file = path.join(tempDir(), 'signature.xlsx')
    fs.writeFileSync(file, writeZip(sheetFirst, { descriptors: 'zip32' }))
    expect(await cellsOf(file)).toEqual(rows)
  })
})
