import { describe, expect, it } from 'vitest'
import { detectHeader, normalizeHeaderName } from '../../../electron/engine/import/header.ts'
import { openCsv } from '../../../electron/engine/import/read/csv.ts'
import { openXlsx } from '../../../electron/engine/import/read/xlsx.ts'
import type { RawRow } from '../../../electron/engine/import/read/types.ts'
import { ARREST_HEADER, ARREST_ROWS, MESSY_COLUMNS, XLSX_COLUMNS } from '../../fixtures/make-fixtures.ts'
import { expectEngineError, fixture, readAll } from './read/read-all.ts'

const rowsOf = (lines: string[][]): RawRow[] => lines.map((cells, i) => ({ line: i + 1, cells }))

describe('detectHeader on the fixtures', () => {
  it('messy-header.csv: title rows, blank row, two-row merged header, duplicates, unnamed column', async () => {
    const { rows } = await readAll(await openCsv(fixture('messy-header.csv'), 'messy-header.csv'))
    const header = detectHeader(rows)
    expect(header.headerLines).toEqual([4, 5])
    expect(header.dataStartIndex).toBe(5)
    expect(rows[header.dataStartIndex].cells[0]).toBe('宁检诉受[2024]32010200101号')
    expect(header.columns).toEqual(MESSY_COLUMNS)
    expect(header.notes).toEqual([
      '跳过表头上方的标题行 2 行',
      '跳过表头上方的空行 1 行',
      '检测到两行合并表头（第 4–5 行）',
      '重复列名「前科」已改名为「前科_2」',
      '第 14 列没有列名，已命名为「列14」',
    ])
  })

  it('cases.xlsx: merged title cells above a two-row header', async () => {
    const { rows } = await readAll(await openXlsx(fixture('cases.xlsx'), 'cases.xlsx'))
    const header = detectHeader(rows)
    expect(header.headerLines).toEqual([3, 4])
    expect(rows[header.dataStartIndex].line).toBe(5)
    expect(header.columns).toEqual(XLSX_COLUMNS)
    expect(header.notes).toEqual(['跳过表头上方的标题行 2 行', '检测到两行合并表头（第 3–4 行）'])
  })

  it('a plain export: the first row, no notes', async () => {
    const { rows } = await readAll(await openCsv(fixture('gbk.csv'), 'gbk.csv'))
    expect(detectHeader(rows)).toEqual({
      headerLines: [1],
      dataStartIndex: 1,
      columns: ARREST_HEADER,
      notes: [],
    })
  })
})

describe('detectHeader rules', () => {
  it('does not take an all-text data row for a second header row', () => {
    const header = detectHeader(
      rowsOf([
        ['姓名', '案由', '结果'],
        ['张某', '盗窃罪', '起诉'],
        ['李某', '诈骗罪', '不起诉'],
      ]),
    )
    expect(header.headerLines).toEqual([1])
    expect(header.columns).toEqual(['姓名', '案由', '结果'])
  })

  it('does not take a data row filling an unnamed column for a second header row', () => {
    const header = detectHeader(
      rowsOf([
        ['部门受案号', '姓名', '', '结果'],
        ['宁检捕受[2024]32010200001号', '张某', '补录', '起诉'],
      ]),
    )
    expect(header.headerLines).toEqual([1])
    expect(header.columns).toEqual(['部门受案号', '姓名', '列3', '结果'])
  })

  it('prefers the row matching known export headers', () => {
    const lines = [
      ['本表', '仅供', '内部', '核对', '使用', '请勿', '外传'],
      ['部门受案号', '案件名称', '嫌疑人姓名', '受理日期', '承办部门', '承办检察官', '嫌疑人编号'],
      [
        '宁检捕受[2024]32010200001号',
        '张某盗窃案',
        '张某',
        '2024-01-05',
        '第一检察部',
        '王明',
        '320102202400001',
      ],
    ]
    expect(detectHeader(rowsOf(lines)).headerLines).toEqual([1])
    const known = new Set([
      '部门受案号',
      '案件名称',
      '嫌疑人姓名',
      '受理日期',
      '承办部门',
      '承办检察官',
      '嫌疑人编号',
    ])
    const header = detectHeader(rowsOf(lines), known)
    expect(header.headerLines).toEqual([2])
    expect(header.notes).toEqual(['跳过表头上方的标题行 1 行'])
  })

  it('matches known headers typed with spaces or line breaks', () => {
    const header = detectHeader(
      rowsOf([['标题'], ['部门 受案号', '受理\n日期', 'x'], ['1', '2024-01-05', 'y']]),
      new Set(['部门受案号', '受理日期']),
    )
    expect(header.headerLines).toEqual([2])
    expect(header.columns).toEqual(['部门受案号', '受理日期', 'x'])
  })

  it('normalises header text', () => {
    expect(normalizeHeaderName('\u3000受理日期\u3000')).toBe('受理日期')
    expect(normalizeHeaderName('审结　处理\r\n情况')).toBe('审结处理情况')
    expect(normalizeHeaderName('  Case   No ')).toBe('Case No')
    expect(normalizeHeaderName('保证金（万元） ')).toBe('保证金（万元）')
  })

  it('numbers repeated names past existing ones', () => {
    const header = detectHeader(
      rowsOf([
        ['前科', '审结日期', '前科_2', '前科', '受理日期', '前科'],
        ['无', '2024-01-05', '有', '无', '2024-01-01', '无'],
      ]),
    )
    expect(header.columns).toEqual(['前科', '审结日期', '前科_2', '前科_3', '受理日期', '前科_4'])
    expect(header.notes).toEqual(['重复列名「前科」已改名为「前科_3」', '重复列名「前科」已改名为「前科_4」'])
  })

  it('forward-fills a merged parent only over its own span', () => {
    const header = detectHeader(
      rowsOf([
        ['编号', '量刑建议', '', '', '备注', '审判阶段', ''],
        ['', '刑种', '刑期', '罚金', '', '刑期', '罚金'],
        ['1', '有期徒刑', '6', '0.3', '', '8', '0.5'],
      ]),
    )
    expect(header.columns).toEqual([
      '编号',
      '量刑建议刑种',
      '量刑建议刑期',
      '量刑建议罚金',
      '备注',
      '审判阶段刑期',
      '审判阶段罚金',
    ])
  })

  it('accepts a single-column file', () => {
    expect(detectHeader(rowsOf([['嫌疑人姓名'], ['张某']])).columns).toEqual(['嫌疑人姓名'])
  })

  it('widens the header to data wider than it', () => {
    expect(
      detectHeader(
        rowsOf([
          ['a名', 'b名'],
          ['1', '2', '3'],
        ]),
      ).columns,
    ).toEqual(['a名', 'b名', '列3'])
  })
})

describe('detectHeader failures', () => {
  it('finds no header in numbers only', async () => {
    const rows = rowsOf(Array.from({ length: 10 }, (_, i) => [String(i), String(i * 2), '2024-01-05']))
    await expectEngineError(
      async () => detectHeader(rows, undefined, { fileName: '数字.csv' }),
      'NO_HEADER',
      '「数字.csv」',
      '前 50 行',
    )
  })

  it('finds no header in an empty or blank file', async () => {
    await expectEngineError(
      async () => detectHeader([], undefined, { fileName: 'empty.csv' }),
      'NO_HEADER',
      '「empty.csv」',
    )
    await expectEngineError(
      async () => detectHeader(rowsOf([[''], ['', '  ']]), undefined, { fileName: 'blank.csv' }),
      'NO_HEADER',
    )
  })

  it('looks at the first 50 rows only', async () => {
    const lines = [...Array.from({ length: 50 }, (_, i) => [String(i)]), ARREST_HEADER, ...ARREST_ROWS]
    await expectEngineError(
      async () => detectHeader(rowsOf(lines), undefined, { fileName: 'late.csv' }),
      'NO_HEADER',
      '「late.csv」',
    )
  })

  it('does not take title and "key：value" lines for a header', async () => {
    const lines = [
      ['2024年1-6月审查逮捕案件明细'],
      ['制表单位：南京市鼓楼区人民检察院', '统计时间：2024-07-01'],
      ['1', '2', '3'],
    ]
    await expectEngineError(async () => detectHeader(rowsOf(lines)), 'NO_HEADER')
  })
})
