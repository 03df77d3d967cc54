/**
 * Where rendered rows go: one file per export kind and year of 受理 (how analysts pull drill-downs),
 * as GBK CSV (CRLF, quoted only when needed, as Excel writes it; bytes written directly, see
 * gbk-writer.ts) and/or .xlsx (exceljs streaming writer, no shared strings, fixed dates so the bytes
 * depend on the seed only).
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from '../xlsx/exceljs.ts'
import type { DemoKind } from './columns.ts'
import { GbkCsvWriter } from './gbk-writer.ts'
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

interface CsvFile {
  file: ExportFile
  fd: number
  writer: GbkCsvWriter
}

/** A number per (kind, year): building a string key for every row showed up in profiles. */
const fileKey = (kind: DemoKind, year: number) => (kind === '010101' ? 0 : 100000) + year

export class CsvExports implements ExportSink {
  private readonly files = new Map<number, CsvFile>()

  constructor(
    private readonly dir: string,
    private readonly headers: Record<DemoKind, readonly string[]>,
  ) {}

  write(kind: DemoKind, year: number, cells: readonly string[]): void {
    const key = fileKey(kind, year)
    let open = this.files.get(key)
    if (!open) {
      const file: ExportFile = {
        kind,
        year,
        format: 'csv',
        path: path.join(this.dir, exportFileName(kind, year, 'csv')),
        rows: 0,
      }
      const fd = fs.openSync(file.path, 'w')
      open = { file, fd, writer: new GbkCsvWriter(fd) }
      open.writer.row(this.headers[kind])
      this.files.set(key, open)
    }
    open.writer.row(cells)
    open.file.rows++
  }

  async drain(): Promise<void> {}

  async close(): Promise<ExportFile[]> {
    const files: ExportFile[] = []
    for (const open of this.files.values()) {
      open.writer.close()
      fs.closeSync(open.fd)
      files.push(open.file)
    }
    return files
  }
}

interface XlsxFile {
  file: ExportFile
  workbook: ExcelJS.stream.xlsx.WorkbookWriter
  sheet: ExcelJS.Worksheet
}

export class XlsxExports implements ExportSink {
  private readonly files = new Map<number, XlsxFile>()
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
    const key = fileKey(kind, year)
    let open = this.files.get(key)
    if (!open) {
      const file: ExportFile = {
        kind,
        year,
        format: 'xlsx',
        path: path.join(this.dir, exportFileName(kind, year, 'xlsx')),
        rows: 0,
      }
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: file.path,
        useSharedStrings: false,
        useStyles: false,
      })
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
