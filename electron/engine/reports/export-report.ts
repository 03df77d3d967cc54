/**
 * report/export: builds the report and writes it as .docx into the workspace's export folder, named
 * by a fresh id; the analyst saves it where they like (saveExport in Electron, the download URL in
 * browser mode), as with every other export.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ParsedReportArgs, ReportExportResult } from '../../../shared/ipc/report-contract.ts'
import { audit } from '../audit/audit-log.ts'
import type { Db } from '../store/database.ts'
import { buildReport, type BuildOptions } from './build-report.ts'
import { writeDocx } from './docx/write-docx.ts'

/** A file name Word and Windows accept: no reserved characters, at most 120 characters. */
export function reportFileName(title: string): string {
  const clean = title.replace(/[\\/:*?"<>|\r\n\t]/g, '_').trim() || '报告'
  return `${clean.slice(0, 120)}.docx`
}

export async function exportReport(
  db: Db,
  exportDir: string,
  args: ParsedReportArgs,
  options: BuildOptions,
): Promise<ReportExportResult> {
  const started = performance.now()
  const model = buildReport(db, args, options)
  const bytes = await writeDocx(model, options.onProgress)
  fs.mkdirSync(exportDir, { recursive: true })
  const file = `${randomUUID()}.docx`
  fs.writeFileSync(path.join(exportDir, file), bytes)
  const name = reportFileName(model.title)
  audit(db, 'report-export', name, {
    template: model.template.id,
    period: model.period.text,
    unit: model.unit.code,
    edited: model.blocks.filter((b) => b.kind === 'paragraph' && b.edited).length,
  })
  options.onProgress?.({ phase: 'done', done: 1, total: 1 })
  return {
    file,
    name,
    bytes: bytes.length,
    paragraphs: model.counts.paragraphs,
    tables: model.counts.tables,
    charts: model.counts.charts,
    elapsedMs: Math.round(performance.now() - started),
  }
}
