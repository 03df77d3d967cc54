/**
 * Where rendered rows go: one file per export kind and year of 受理 (how analysts pull drill-downs),
 * as GBK CSV (CRLF, quoted only when needed, as Excel writes it) and/or .xlsx (exceljs streaming
 * writer, no shared strings, fixed dates so the bytes depend on the seed only). CSV text is built in
 * ~1 MB chunks and encoded once per chunk: no object per row.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { DemoKind } from './columns.ts'
import { setZipDates } from './zip-dates.ts'

export type ExportFormat = 'csv' | 'xlsx'

export interface ExportFile {
  kind: DemoKind
  year: number
  format: ExportFormat
  path: string
  rows: number
}

export interface ExportSink {
  write(kind: DemoKind, year: number, cells: readonly string[]): void
  /** Lets streams drain between units. */
  drain(): Promise<void>
  close(): Promise<ExportFile[]>
}

/** The file names the 2.0 system gives these drill-downs, with the year appended. */
const TITLES: Record<DemoKind, string> = {
  '010101': '审查逮捕案件010101表1行4列受理合计（人）',
  '020101': '一审公诉案件020101表1行19列受理合计（人）',
}

export function exportFileName(kind: DemoKind, year: number, format: ExportFormat): string {
  return `${TITLES[kind]}_${year}.${format}`
}

const CHUNK = 1 << 20

interface CsvFile {
  file: ExportFile
  fd: number
  chunk: string
}

export class CsvExports implements ExportSink {
  private readonly files = new Map<string, CsvFile>()

  constructor(
    private readonly dir: string,
    private readonly headers: Record<DemoKind, readonly string[]>,
  ) {}

  write(kind: DemoKind, year: number, cells: readonly string[]): void {
    const key = kind + year
    let open = this.files.get(key)
    if (!open) {
      const file: ExportFile = { kind, year, format: 'csv', path: path.join(this.dir, exportFileName(kind, year, 'csv')), rows: 0 }
      open = { file, fd: fs.openSync(file.path, 'w'), chunk: csvLine(this.headers[kind]) }
      this.files.set(key, open)
    }
    open.chunk += csvLine(cells)
    open.file.rows++
    if (open.chunk.length > CHUNK) {
      fs.writeSync(open.fd, iconv.encode(open.chunk, 'gbk'))
      open.chunk = ''
    }
  }

  async drain(): Promise<void> {}

  async close(): Promise<ExportFile[]> {
    const files: ExportFile[] = []
    for (const open of this.files.values()) {
      fs.writeSync(open.fd, iconv.encode(open.chunk, 'gbk'))
      fs.closeSync(open.fd)
      files.push(open.file)
    }
    return files
  }
}

function csvLine(cells: readonly string[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (i > 0) line += ','
    // Only charge lists and free text can hold a comma or quote; test the non-empty cells.
    if (cell.length > 0 && (cell.includes(',') || cell.includes('"') || cell.includes('\n'))) line += `"${cell.replace(/"/g, '""')}"`
    else line += cell
  }
  return line + '\r\n'
}

interface XlsxFile {
  file: ExportFile
  workbook: ExcelJS.stream.xlsx.WorkbookWriter
  sheet: ExcelJS.Worksheet
}

export class XlsxExports implements ExportSink {
  private readonly files = new Map<string, XlsxFile>()
  /** Fixed workbook dates: the export date, at midnight UTC. */
  private readonly stamp: Date

  constructor(
    private readonly dir: string,
    private readonly headers: Record<DemoKind, readonly string[]>,
    private readonly exportDate: string,
  ) {
    this.stamp = new Date(`${exportDate}T00:00:00Z`)
  }

  write(kind: DemoKind, year: number, cells: readonly string[]): void {
    const key = kind + year
    let open = this.files.get(key)
    if (!open) {
      const file: ExportFile = { kind, year, format: 'xlsx', path: path.join(this.dir, exportFileName(kind, year, 'xlsx')), rows: 0 }
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file.path, useSharedStrings: false, useStyles: false })
      workbook.creator = '检察业务应用系统'
      workbook.lastModifiedBy = '检察业务应用系统'
      workbook.created = this.stamp
      workbook.modified = this.stamp
      const sheet = workbook.addWorksheet('Sheet1')
      sheet.addRow([...this.headers[kind]]).commit()
      open = { file, workbook, sheet }
      this.files.set(key, open)
    }
    // Empty cells are left out of the sheet, as Excel does.
    open.sheet.addRow(cells.map((cell) => (cell === '' ? null : cell))).commit()
    open.file.rows++
  }

  async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
  }

  async close(): Promise<ExportFile[]> {
    const files: ExportFile[] = []
    for (const open of this.files.values()) {
      open.sheet.commit()
      await open.workbook.commit()
      setZipDates(open.file.path, this.exportDate)
      files.push(open.file)
    }
    return files
  }
}

/** Rows to several sinks at once (CSV and xlsx of the same data). */
export class BothExports implements ExportSink {
  constructor(private readonly sinks: ExportSink[]) {}
  write(kind: DemoKind, year: number, cells: readonly string[]): void {
    for (const sink of this.sinks) sink.write(kind, year, cells)
  }
  async drain(): Promise<void> {
    for (const sink of this.sinks) await sink.drain()
  }
  async close(): Promise<ExportFile[]> {
    const files: ExportFile[] = []
    for (const sink of this.sinks) files.push(...(await sink.close()))
    return files
  }
}
