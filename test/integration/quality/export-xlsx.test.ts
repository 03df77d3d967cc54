/**
 * The exported 核查结果 read back with exceljs: rule title rows, a header per rule, conflicting cells
 * in red, 冲突说明 in blue, formulas neutralised, one sheet per unit on request.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from '../../../electron/engine/xlsx/exceljs.ts'
import { describe, expect, it } from 'vitest'
import { BLUE, RED } from '../../../electron/engine/quality/export-xlsx.ts'
import { ARREST_BASE, dictionaryHeaders, type Row } from '../../helpers/quality-rows.ts'
import { testWorkspace, writeCsv } from '../../helpers/workspace.ts'

const HEADERS = dictionaryHeaders('010101')
const LATE = { 审结日期: '2025-03-12', 全案_审结日期: '2025-03-12' }

async function seeded() {
  const ws = testWorkspace()
  const rows: Row[] = [
    {
      ...ARREST_BASE,
      部门受案号: '检捕受[2025]32010200001号',
      嫌疑人编号: 'X1',
      案件名称: '=HYPERLINK("http://x","点")',
      ...LATE,
    },
    { ...ARREST_BASE, 部门受案号: '检捕受[2025]32010200002号', 嫌疑人编号: 'X2', 不捕情形: '其他不捕' },
    { ...ARREST_BASE, 部门受案号: '检捕受[2025]32020500003号', 嫌疑人编号: 'X3', ...LATE },
  ]
  const file = await writeCsv(path.join(ws.dir, 'a.csv'), [
    HEADERS,
    ...rows.map((r) => HEADERS.map((h) => r[h] ?? '')),
  ])
  await ws.call('dataset/import', { files: [{ path: file }] })
  await ws.call('flags/run', { rules: ['R006', 'F09'] })
  return ws
}

async function readBack(ws: ReturnType<typeof testWorkspace>, file: string) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path.join(ws.host.exportDir, file))
  return workbook
}

describe('flags/exportXlsx', () => {
  it('groups by rule with title rows, red conflicting cells, a blue 冲突说明 and neutralised formulas', async () => {
    const ws = await seeded()
    const result = await ws.call('flags/exportXlsx', {})
    expect(result).toMatchObject({ rows: 3, name: '数据质量核查_2026-01-15.xlsx' })
    expect(result.file).toMatch(/^[0-9a-f-]{36}\.xlsx$/)
    const workbook = await readBack(ws, result.file)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['核查结果'])
    const sheet = workbook.worksheets[0]
    const texts = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1)
    expect(texts(1)[0]).toBe('F09　批准逮捕却填不捕情形，或不批准逮捕却填应当逮捕情形（错误，1 条）')
    expect(sheet.getCell('A1').font.bold).toBe(true)
    expect(texts(2)).toEqual([
      '序号',
      '部门受案号',
      '案件名称',
      '嫌疑人姓名',
      '嫌疑人编号',
      '承办单位',
      '承办检察官',
      '核查状态',
      '审结处理结果',
      '不捕情形',
      '应当逮捕情形',
      '冲突说明',
      '核查人',
      '备注',
    ])
    expect(texts(3).slice(0, 10)).toEqual([
      1,
      '检捕受[2025]32010200002号',
      '张伟盗窃案',
      '张伟',
      'X2',
      '320102',
      '李娜',
      '待核查',
      '批准逮捕',
      '其他不捕',
    ])
    expect(sheet.getRow(3).getCell(9).font.color?.argb).toBe(RED)
    expect(sheet.getRow(3).getCell(12).font.color?.argb).toBe(BLUE)
    expect(sheet.getRow(3).getCell(2).font?.color).toBeUndefined()
    // A blank row, then R006's title and header: its own conflicting fields.
    expect(texts(5)[0]).toBe('R006　审查逮捕案件审结日期错填（错误，2 条）')
    expect(texts(6).slice(8, 10)).toEqual(['受理日期', '审结日期'])
    expect(texts(7)[2]).toBe(`'=HYPERLINK("http://x","点")`)
    expect(typeof sheet.getRow(7).getCell(3).value).toBe('string')
    expect(texts(7)[10]).toBe('受理日期 2025-03-01 至审结日期 2025-03-12 共 11 天，超过 7 天')
    expect(sheet.getRow(7).getCell(10).font.color?.argb).toBe(RED)
  })

  it('writes one sheet per unit, named after the unit, and refuses an empty export', async () => {
    const ws = await seeded()
    ws.db.exec(
      `INSERT INTO units (code, name, level, parent) VALUES ('320102', '南京市玄武区人民检察院', 'county', NULL)`,
    )
    const result = await ws.call('flags/exportXlsx', { splitBy: 'unit', filter: { rules: ['R006'] } })
    const workbook = await readBack(ws, result.file)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['南京市玄武区人民检察院', '320205'])
    expect((workbook.worksheets[0].getRow(1).values as unknown[])[1]).toBe(
      'R006　审查逮捕案件审结日期错填（错误，1 条）',
    )
    expect(fs.readdirSync(ws.host.exportDir)).toHaveLength(1)
    expect(await ws.failure('flags/exportXlsx', { filter: { rules: ['R001'] } })).toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
