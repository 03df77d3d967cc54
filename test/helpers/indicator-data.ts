/**
 * Person-level 010101 / 020101 rows for indicator tests, written as real CSV exports and imported
 * through the real importer (importFile), plus the user definitions the tests compute. The tests
 * define their own indicators (ids starting with `T`) so they hold whatever the library contains.
 */
import path from 'node:path'
import type { UnitSummary } from '../../shared/ipc/contract.ts'
import type { IndicatorInput } from '../../shared/indicators/model.ts'
import { importFile } from '../../electron/engine/import/run-import.ts'
import type { Db } from '../../electron/engine/store/database.ts'
import { writeCsv } from './workspace.ts'

/** Key fields, the kind's signature (so the importer recognises the export) and what indicators read. */
export const ARREST_COLUMNS = [
  '部门受案号',
  '嫌疑人编号',
  '嫌疑人姓名',
  '受理日期',
  '审结处理结果',
  '审结日期',
  '不捕情形',
  '应当逮捕情形',
] as const
export const PROSECUTION_COLUMNS = [
  '部门受案号',
  '嫌疑人编号',
  '嫌疑人姓名',
  '受理日期',
  '审结处理情况',
  '审结日期',
  '庭审程序',
  '审查起诉阶段提出量刑建议类型',
  '审结前强制措施',
] as const

export type Row = Record<string, string>

/** 部门受案号 whose six digits after [YYYY] are the unit: 宁检捕受[2024]32010200001号. */
export function caseNumber(kind: '010101' | '020101', unit: string, n: number, year = 2024): string {
  return `宁检${kind === '010101' ? '捕' : '诉'}受[${year}]${unit}${String(n).padStart(5, '0')}号`
}

/** Writes rows (by header name) as a CSV export under `dir` and imports it; throws when rows are rejected. */
export async function importRows(
  db: Db,
  dir: string,
  name: string,
  columns: readonly string[],
  rows: readonly Row[],
) {
  const file = await writeCsv(path.join(dir, name), [
    [...columns],
    ...rows.map((r) => columns.map((c) => r[c] ?? '')),
  ])
  const result = await importFile(db, file, name)
  if (result.rejected > 0)
    throw new Error(`${name}: ${result.rejected} rows rejected: ${JSON.stringify(result.errors)}`)
  return result
}

/** 江苏省院 → 南京、无锡 → 四个基层院. 321300 (宿迁) appears in data but not in this list. */
export const JIANGSU: UnitSummary[] = [
  { code: '320000', name: '江苏省人民检察院', shortName: '苏检', level: 'province', parent: null },
  { code: '320100', name: '南京市人民检察院', shortName: '宁检', level: 'city', parent: '320000' },
  { code: '320200', name: '无锡市人民检察院', shortName: '锡检', level: 'city', parent: '320000' },
  { code: '320102', name: '南京市玄武区人民检察院', shortName: '玄检', level: 'county', parent: '320100' },
  { code: '320105', name: '南京市建邺区人民检察院', shortName: '建检', level: 'county', parent: '320100' },
  { code: '320205', name: '无锡市锡山区人民检察院', shortName: '锡山检', level: 'county', parent: '320200' },
  { code: '320211', name: '无锡市滨湖区人民检察院', shortName: '滨检', level: 'county', parent: '320200' },
]

const persons = (date = '审结日期', filter?: string) =>
  ({ dataset: '010101', of: 'persons', date, ...(filter ? { filter } : {}) }) as const
const prosecutions = (filter: string) =>
  ({ dataset: '020101', of: 'persons', date: '审结日期', filter }) as const

export const ARRESTED = "审结处理结果 属于 ('批准逮捕', '决定逮捕')"
export const NOT_ARRESTED = "审结处理结果 属于 ('不批准逮捕', '不予决定逮捕')"
export const PROSECUTED = "审结处理情况 = '起诉'"
/** Every kind of 不起诉 except 附条件不起诉 (decided only after the probation: indicators.md B2, C3). */
export const NOT_PROSECUTED = "审结处理情况 结尾是 '不起诉' 且 审结处理情况 <> '附条件不起诉'"

/** A test indicator: theme, direction and the rest filled in. */
export function indicator(
  id: string,
  unit: IndicatorInput['unit'],
  measures: IndicatorInput['calibers'][number]['measures'],
  formula: string,
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  return {
    id,
    name: `测试${id.replace(/^T/, '')}`,
    theme: '测试',
    direction: 'range',
    unit,
    precision: unit === '%' ? 1 : 0,
    calibers: [{ id: '标准', name: '标准口径', measures, formula }],
    ...extra,
  }
}

/** 不捕率 = 不捕 / (批准和决定逮捕 + 不捕), with a 口径 that leaves out 决定逮捕 (indicators.md §1.4). */
export const T_NON_ARREST: IndicatorInput = indicator(
  'T不捕率',
  '%',
  { 不捕人数: persons('审结日期', NOT_ARRESTED), 批捕人数: persons('审结日期', ARRESTED) },
  '不捕人数 / (批捕人数 + 不捕人数)',
  {
    calibers: [
      {
        id: '标准',
        name: '标准口径',
        measures: { 不捕人数: persons('审结日期', NOT_ARRESTED), 批捕人数: persons('审结日期', ARRESTED) },
        formula: '不捕人数 / (批捕人数 + 不捕人数)',
      },
      {
        id: '不含决定逮捕',
        name: '不含决定逮捕',
        measures: {
          不批准逮捕人数: persons('审结日期', "审结处理结果 = '不批准逮捕'"),
          批准逮捕人数: persons('审结日期', "审结处理结果 = '批准逮捕'"),
        },
        formula: '不批准逮捕人数 / (批准逮捕人数 + 不批准逮捕人数)',
      },
    ],
  },
)

export const T_NON_PROSECUTION: IndicatorInput = indicator(
  'T不诉率',
  '%',
  { 不起诉人数: prosecutions(NOT_PROSECUTED), 起诉人数: prosecutions(PROSECUTED) },
  '不起诉人数 / (起诉人数 + 不起诉人数)',
)

/** 诉前羁押率 = 批准和决定逮捕 (010101) / (起诉 + 不起诉) (020101), same-period flows (B3). */
export const T_DETENTION: IndicatorInput = indicator(
  'T诉前羁押率',
  '%',
  {
    批捕人数: persons('审结日期', ARRESTED),
    起诉人数: prosecutions(PROSECUTED),
    不起诉人数: prosecutions(NOT_PROSECUTED),
  },
  '批捕人数 / (起诉人数 + 不起诉人数)',
  { direction: 'down' },
)

/** 审查逮捕审结人数 and 件数 (every concluded record), by 审结日期. */
export const T_CONCLUDED_PERSONS = indicator('T审结人数', '人', { 人数: persons() }, '人数', {
  direction: 'up',
})
export const T_CONCLUDED_CASES = indicator(
  'T审结件数',
  '件',
  { 件数: { dataset: '010101', of: 'cases', date: '审结日期' } },
  '件数',
  { direction: 'up' },
)

export const definitionsText = (...definitions: IndicatorInput[]) => JSON.stringify(definitions)

/** Days from 受理日期 to 审结日期 of 审查逮捕 records, averaged or the median, by 审结日期. */
export const arrestDays = (stat: 'avg' | 'median') =>
  ({ dataset: '010101', of: 'days', date: '审结日期', from: '受理日期', to: '审结日期', stat }) as const
export const T_AVERAGE_DAYS = indicator('T平均天数', '天', { 天数: arrestDays('avg') }, '天数')
export const T_MEDIAN_DAYS = indicator('T天数中位数', '天', { 天数: arrestDays('median') }, '天数')
