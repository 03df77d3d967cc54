/**
 * 核查结果 as an Excel workbook, the way units are sent their lists: grouped by rule, each group a
 * title row (编号, 名称, 严重程度, 条数) over its own header, the rule's conflicting fields in red, a
 * 冲突说明 column in blue; optionally one sheet per unit or per prosecutor. Every text cell goes
 * through neutraliseFormula (a value starting with = + - @ must stay text in Excel and WPS). Written
 * with exceljs's streaming writer into the workspace's export folder as `<uuid>.xlsx`.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FlagFilter, FlagRow, QualityResults } from '../../../shared/ipc/quality-contract.ts'
import { neutraliseFormula } from '../../../shared/format/spreadsheet-safe.ts'
import { FLAG_STATUS_NAMES, SEVERITY_NAMES } from '../../../shared/quality/rule.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { EngineError } from '../errors.ts'
import { all, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import ExcelJS from '../xlsx/exceljs.ts'
import { toFlagRows, type FlagRecord } from './flag-rows.ts'
import { selectFlags } from './flags-query.ts'
import { listRules } from './rule-store.ts'

export const RED = 'FFC00000'
export const BLUE = 'FF0070C0'
const TITLE_FILL = 'FFD9E1F2'
const COMMON = [
  '序号',
  '部门受案号',
  '案件名称',
  '嫌疑人姓名',
  '嫌疑人编号',
  '承办单位',
  '承办检察官',
  '核查状态',
]
const TRAILING = ['冲突说明', '核查人', '备注']
const BATCH = 2000

type Sheet = ExcelJS.Worksheet

/** A cell value as written: numbers stay numbers, everything else becomes neutralised text. */
function cell(value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return value
  if (Array.isArray(value)) return neutraliseFormula(value.join('、'))
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const items: unknown = JSON.parse(value)
      if (Array.isArray(items)) return neutraliseFormula(items.join('、'))
    } catch {
      // not a set: plain text
    }
  }
  return neutraliseFormula(String(value))
}

/** Excel's sheet-name rules: 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = (wanted.replace(/[\\/?*[\]:]/g, '_').trim() || '未填').slice(0, 28)
  let name = base
  for (let n = 2; used.has(name); n++) name = `${base}(${n})`
  used.add(name)
  return name
}

class SheetWriter {
  private row = 0
  private group: string | null = null
  private width = 0

  constructor(
    private readonly sheet: Sheet,
    private readonly ruleTitles: Map<string, { name: string; severity: 'error' | 'warning'; count: number }>,
  ) {
    sheet.columns = Array.from({ length: 20 }, (_, i) => ({ width: i === 0 ? 6 : i === 1 ? 30 : 16 }))
  }

  write(flag: FlagRow): void {
    const key = flag.rule
    if (this.group !== key) this.startGroup(flag)
    this.row += 1
    const values = [
      this.row,
      cell(flag.key.部门受案号),
      cell(flag.record['案件名称']),
      cell(flag.record['嫌疑人姓名']),
      cell(flag.key.嫌疑人编号),
      cell(flag.unit),
      cell(flag.prosecutor),
      FLAG_STATUS_NAMES[flag.status],
      ...flag.fields.map((name) => cell(flag.record[name])),
      cell(flag.message),
      cell(flag.reviewer),
      cell(flag.note),
    ]
    const row = this.sheet.addRow(values)
    flag.fields.forEach((_, i) => (row.getCell(COMMON.length + 1 + i).font = { color: { argb: RED } }))
    row.getCell(COMMON.length + flag.fields.length + 1).font = { color: { argb: BLUE } }
    row.commit()
  }

  private startGroup(flag: FlagRow): void {
    if (this.group !== null) this.sheet.addRow([]).commit()
    this.group = flag.rule
    this.row = 0
    const title = this.ruleTitles.get(flag.rule)
    const header = [...COMMON, ...flag.fields, ...TRAILING]
    this.width = header.length
    const text = `${flag.rule}　${title?.name ?? flag.ruleName}（${SEVERITY_NAMES[title?.severity ?? flag.severity]}，${title?.count ?? 0} 条）`
    const titleRow = this.sheet.addRow([neutraliseFormula(text)])
    this.sheet.mergeCells(titleRow.number, 1, titleRow.number, this.width)
    titleRow.getCell(1).font = { bold: true, size: 12 }
    titleRow.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TITLE_FILL } }
    titleRow.commit()
    const headerRow = this.sheet.addRow(header.map((h) => neutraliseFormula(h)))
    headerRow.eachCell((c, column) => {
      const conflicting = column > COMMON.length && column <= COMMON.length + flag.fields.length
      c.font = { bold: true, color: conflicting ? { argb: RED } : undefined }
    })
    headerRow.commit()
  }
}

export async function exportFlagsXlsx(
  db: Db,
  exportDir: string,
  filter: FlagFilter,
  splitBy: 'none' | 'unit' | 'prosecutor',
): Promise<QualityResults['flags/exportXlsx']> {
  const flags = selectFlags(
    db,
    filter,
    splitBy === 'unit'
      ? sql`f.unit, f.rule_id, f.prosecutor, f.id`
      : splitBy === 'prosecutor'
        ? sql`f.prosecutor, f.rule_id, f.unit, f.id`
        : sql`f.rule_id, f.unit, f.prosecutor, f.id`,
  )
  if (flags.length === 0) throw new EngineError('NOT_FOUND', '没有符合条件的核查结果可导出。')
  const rules = new Map(listRules(db).map((r) => [r.id, r]))
  const unitNames = new Map(
    all<{ code: string; name: string }>(db, sql`SELECT code, name FROM units`).map((u) => [u.code, u.name]),
  )
  // Title rows count a rule's flags within their sheet.
  const sheetOf = (f: FlagRecord) =>
    splitBy === 'unit' ? (f.unit ?? '') : splitBy === 'prosecutor' ? (f.prosecutor ?? '') : ''
  const counts = new Map<string, number>()
  for (const f of flags)
    counts.set(`${sheetOf(f)}\u0001${f.rule_id}`, (counts.get(`${sheetOf(f)}\u0001${f.rule_id}`) ?? 0) + 1)
  const ruleNames = new Map([...rules].map(([id, r]) => [id, r.name]))

  fs.mkdirSync(exportDir, { recursive: true })
  const file = `${randomUUID()}.xlsx`
  const target = path.join(exportDir, file)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: target,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = '研判工作台'
  try {
    const used = new Set<string>()
    let current: { key: string; writer: SheetWriter; sheet: Sheet } | null = null
    for (let start = 0; start < flags.length; start += BATCH) {
      const batch = flags.slice(start, start + BATCH)
      for (const [index, flag] of toFlagRows(db, batch, ruleNames).entries()) {
        const key = sheetOf(batch[index])
        if (current === null || current.key !== key) {
          current?.sheet.commit()
          const label =
            splitBy === 'unit' ? (unitNames.get(key) ?? key) : splitBy === 'prosecutor' ? key : '核查结果'
          const sheet = workbook.addWorksheet(sheetName(label || '未填', used))
          const titles = new Map(
            [...rules].map(([id, r]) => [
              id,
              { name: r.name, severity: r.severity, count: counts.get(`${key}\u0001${id}`) ?? 0 },
            ]),
          )
          current = { key, writer: new SheetWriter(sheet, titles), sheet }
        }
        current.writer.write(flag)
      }
    }
    current?.sheet.commit()
    await workbook.commit()
  } catch (error) {
    fs.rmSync(target, { force: true })
    throw error
  }
  const stamp = nowIso().slice(0, 10)
  audit(db, 'export-xlsx', '数据质量核查', { rows: flags.length, filter, splitBy })
  return { file, name: `数据质量核查_${stamp}.xlsx`, rows: flags.length }
}
