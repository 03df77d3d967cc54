/**
 * Generated 020101-shaped exports for benchmarks: every non-optional header of
 * resources/kinds/020101.json, values shaped by field type, sparse like real exports (many optional
 * dates and amounts are empty). Deterministic for a given seed. Not the demo province generator:
 * no realism beyond shapes, just the right width and cell mix to measure import speed.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from '../electron/engine/xlsx/exceljs.ts'
import iconv from 'iconv-lite'
import { loadKindDictionaries } from '../electron/engine/import/kinds.ts'

const CHARGES = [
  '危险驾驶罪',
  '盗窃罪',
  '帮助信息网络犯罪活动罪',
  '诈骗罪',
  '故意伤害罪',
  '走私、贩卖、运输、制造毒品罪',
]
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周杰', '吴霞']
const UNITS = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115']

export function exportHeader(): string[] {
  const dictionary = loadKindDictionaries().find((d) => d.kind === '020101')!
  return dictionary.fields.filter((f) => !f.optional).map((f) => f.name)
}

/** A row generator for the header; `i` is the row index. */
export function rowMaker(header: string[], seed = 1): (i: number) => string[] {
  const dictionary = loadKindDictionaries().find((d) => d.kind === '020101')!
  const byName = new Map(dictionary.fields.map((f) => [f.name, f]))
  let state = seed >>> 0
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 4294967296
  }
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  const date = () =>
    `2024-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
  return (i) =>
    header.map((name) => {
      if (name === '部门受案号')
        return `宁检诉受[2024]${UNITS[i % UNITS.length]}${String(Math.floor(i / 2)).padStart(5, '0')}号`
      if (name === '嫌疑人编号') return `XYR${String(10_000_000 + i)}`
      if (name === '嫌疑人姓名') return pick(NAMES)
      if (name === '承办检察官') return pick(NAMES)
      if (name === '案件名称') return `${pick(NAMES)}${pick(CHARGES).replace(/罪$/, '')}案`
      const field = byName.get(name)
      if (!field) return ''
      const filled = field.common || random() < 0.35
      if (!filled) return ''
      switch (field.type) {
        case 'date':
          return date()
        case 'integer':
          return String(Math.floor(random() * 60))
        case 'decimal':
          return (random() * 50).toFixed(2)
        case 'boolean':
          return random() < 0.85 ? '是' : '否'
        case 'set':
          return random() < 0.5 ? pick(CHARGES) : ''
        case 'code':
          return field.role === 'charge' ? pick(CHARGES) : field.values?.length ? pick(field.values) : '其他'
        default:
          return random() < 0.5 ? '第一检察部' : '无'
      }
    })
}

const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)

/** Writes a GBK CSV of `rows` data rows (streamed, so 1M rows never sit in memory). */
export async function writeGbkCsv(file: string, rows: number, seed = 1): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const header = exportHeader()
  const make = rowMaker(header, seed)
  const fd = fs.openSync(file, 'w')
  let chunk = header.join(',') + '\r\n'
  for (let i = 0; i < rows; i++) {
    chunk += make(i).map(csvCell).join(',') + '\r\n'
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, iconv.encode(chunk, 'gbk'))
      chunk = ''
    }
  }
  fs.writeSync(fd, iconv.encode(chunk, 'gbk'))
  fs.closeSync(fd)
}

/** Writes an .xlsx with the streaming writer (shared strings off, as the 2.0 system's exports). */
export async function writeXlsx(file: string, rows: number, seed = 1): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const header = exportHeader()
  const make = rowMaker(header, seed)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  })
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.addRow(header).commit()
  for (let i = 0; i < rows; i++) sheet.addRow(make(i)).commit()
  sheet.commit()
  await workbook.commit()
}
