import path from 'node:path'
import { describe, expect, it } from 'vitest'
import ExcelJS from '../../../../electron/engine/xlsx/exceljs.ts'
import { openXlsx } from '../../../../electron/engine/import/read/xlsx.ts'
import { tempDir } from '../../../helpers/workspace.ts'

/**
 * exceljs's streaming reader decoded each zip chunk separately, so a Chinese character split across
 * two chunks came back as "��" (exceljs issue #2084). Thousands of rows of 3-byte characters put
 * chunk boundaries inside characters many times; every cell must come back exactly.
 */
describe('xlsx cells with multi-byte characters across chunk boundaries', () => {
  it('reads back every Chinese cell exactly', async () => {
    const file = path.join(tempDir(), 'chinese.xlsx')
    const texts = [
      '危险驾驶罪',
      '帮助信息网络犯罪活动罪',
      '走私、贩卖、运输、制造毒品罪',
      '是',
      '否',
      '𠮷野家',
      '第一检察部',
    ]
    const rows: string[][] = []
    for (let i = 0; i < 6000; i++)
      rows.push([
        `宁检捕受[2024]320102${String(i).padStart(5, '0')}号`,
        texts[i % texts.length],
        texts[(i * 3) % texts.length].repeat(1 + (i % 5)),
      ])
    for (const useSharedStrings of [false, true]) {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: file,
        useSharedStrings,
        useStyles: false,
      })
      const sheet = writer.addWorksheet('明细')
      sheet.addRow(['部门受案号', '案由', '备注']).commit()
      for (const row of rows) sheet.addRow(row).commit()
      sheet.commit()
      await writer.commit()

      const reader = await openXlsx(file, 'chinese.xlsx')
      const read: string[][] = []
      for await (const batch of reader.batches()) for (const row of batch) read.push(row.cells)
      await reader.close()
      expect(read.length).toBe(rows.length + 1)
      expect(read.slice(1)).toEqual(rows)
    }
  })
})
