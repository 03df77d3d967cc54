import { describe, expect, it } from 'vitest'
import { classifyRow, isNumericText, RowKindTally } from '../../../electron/engine/import/row-kind.ts'
import { openCsv } from '../../../electron/engine/import/read/csv.ts'
import { detectHeader } from '../../../electron/engine/import/header.ts'
import { fixture, readAll } from './read/read-all.ts'

describe('classifyRow', () => {
  it('blank rows: nothing but whitespace, full-width spaces included', () => {
    expect(classifyRow([])).toBe('blank')
    expect(classifyRow([''])).toBe('blank')
    expect(classifyRow(['', ' ', '\u3000', '\t'])).toBe('blank')
  })

  it('total rows: 合计/总计/小计 first, then empty or numeric cells', () => {
    expect(classifyRow(['合计', '', '12', '1,234', '3.5%', ''])).toBe('total')
    expect(classifyRow(['合 计', '', '14', '3'])).toBe('total')
    expect(classifyRow(['', '总计：', '-', '7'])).toBe('total')
    expect(classifyRow(['\u3000小\u3000计', '/'])).toBe('total')
    expect(classifyRow(['合计'])).toBe('total')
  })

  it('data rows', () => {
    expect(classifyRow(['宁检捕受[2024]32010200001号', '张某', '2024-01-05'])).toBe('data')
    expect(classifyRow(['合计', '张某', '盗窃罪', '起诉'])).toBe('data')
    expect(classifyRow(['合计金额', '12'])).toBe('data')
    expect(classifyRow(['0'])).toBe('data')
  })

  it('numeric text', () => {
    for (const text of ['12', '-3', '1,234,567.5', '0.3', '.5', '45%', '+7'])
      expect(isNumericText(text)).toBe(true)
    for (const text of ['', '1,2', '2024-01-05', '12万', 'abc']) expect(isNumericText(text)).toBe(false)
  })
})

describe('RowKindTally', () => {
  it('counts the skipped rows of messy-header.csv and reports them in Chinese', async () => {
    const { rows } = await readAll(await openCsv(fixture('messy-header.csv'), 'messy-header.csv'))
    const header = detectHeader(rows)
    const tally = new RowKindTally()
    const data = rows.slice(header.dataStartIndex).filter((row) => tally.add(row) === 'data')
    expect(data.map((r) => r.line)).toEqual([6, 7, 9, 10])
    expect([tally.blank, tally.total]).toEqual([2, 1])
    expect(tally.notes()).toEqual(['跳过合计/小计行 1 行（第 12 行）', '跳过空行 2 行（第 8、11 行）'])
  })

  it('lists only the first ten line numbers', () => {
    const tally = new RowKindTally()
    for (let line = 1; line <= 12; line++) tally.add({ line, cells: [''] })
    expect(tally.notes()).toEqual(['跳过空行 12 行（第 1、2、3、4、5、6、7、8、9、10 行 等）'])
  })
})
