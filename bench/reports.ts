/**
 * Report benchmark (issue 6): the quarterly report (季度业务数据分析研判报告) of a 市院 with all its units
 * (南京 320100, 2025Q3) from a demo workspace of BENCH_REPORT_PERSONS suspects (default 200,000;
 * BENCH_REPORT_DB=FILE reuses a workspace that holds a demo import), data-quality rules run once.
 * Prints the build (report/build, the preview) and build+export (report/export, the .docx) times —
 * first with the indicator pre-aggregates still to build, then warm — and the document's pages
 * (counted by LibreOffice when installed, else estimated) and native charts. Never fails on time.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { demoWorkspace } from './demo-workspace.ts'
import { setClock } from '../electron/engine/clock.ts'
import { createLocalHost } from '../electron/engine/host/local-host.ts'
import type { ReportExportResult } from '../shared/ipc/report-contract.ts'
import type { ReportModel } from '../shared/reports/report-model.ts'

const persons = Number(process.env.BENCH_REPORT_PERSONS ?? 200_000)
const ARGS = { template: 'quarterly', period: '2025Q3', unit: '320100' }
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
// The demo covers 2022–2025; the report is written as of mid-January 2026.
setClock(() => new Date('2026-01-15T02:00:00Z'))

/** Pages by LibreOffice (null when it is not installed). */
function libreOfficePages(docx: string, work: string): number | null {
  if (spawnSync('sh', ['-c', 'command -v libreoffice && command -v pdfinfo']).status !== 0) return null
  const env = {
    ...process.env,
    FONTCONFIG_FILE: path.resolve('test/fixtures/fonts/report-fonts.conf'),
    HOME: work,
  }
  execFileSync(
    'libreoffice',
    [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      docx,
    ],
    { env, stdio: 'pipe', timeout: 300_000 },
  )
  const pdf = path.join(work, `${path.basename(docx, '.docx')}.pdf`)
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])
}

/** A rough page count: 22 lines of 28 characters a page (GB/T 9704), a chart about 12 lines, a table row 1.5. */
function estimatedPages(model: ReportModel): number {
  let lines = 8
  for (const block of model.blocks) {
    if (block.kind === 'paragraph') lines += Math.ceil(block.text.length / 28)
    else if (block.kind === 'heading') lines += 1
    else if (block.kind === 'table') lines += 2 + block.rows.length * 1.5
    else if (block.kind === 'chart') lines += 12
    else lines = Math.ceil(lines / 22) * 22
  }
  return Math.ceil(lines / 22)
}

let dbPath = process.env.BENCH_REPORT_DB
let dir: string | null = null
if (!dbPath) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-report-bench-'))
  const generated = demoWorkspace(dir, persons, { check: true })
  dbPath = generated.db
  console.log(
    `demo ${fmt(persons)} persons → ${fmt(generated.records)} records, ${fmt(generated.flags)} flags to act on (generated, imported and checked in ${(generated.ms / 1000).toFixed(1)} s)`,
  )
}
const host = createLocalHost(dbPath)
try {
  const units =
    (host.ctx.db.prepare("SELECT count(*) FROM units WHERE parent = '320100'").pluck().get() as number) + 1
  console.log(`quarterly report of 南京市人民检察院 (320100) with its ${units - 1} 基层院, 2025Q3:`)
  const call = async <T>(channel: 'report/build' | 'report/export'): Promise<{ value: T; ms: number }> => {
    const started = performance.now()
    const envelope = await host.call(channel, ARGS)
    if (!envelope.ok) throw new Error(envelope.error.message)
    return { value: envelope.value as T, ms: performance.now() - started }
  }
  const firstBuild = await call<ReportModel>('report/build')
  console.log(`  first build (indicator pre-aggregates built on the way): ${seconds(firstBuild.ms)}`)
  const build = await call<ReportModel>('report/build')
  console.log(`  build warm (report/build, the in-app preview): ${seconds(build.ms)}`)
  const exported = await call<ReportExportResult>('report/export')
  console.log(
    `  build + export warm (report/export, the .docx): ${seconds(exported.ms)} (target ≤ 5 s); ` +
      `${exported.value.paragraphs} paragraphs, ${exported.value.tables} tables, ${exported.value.charts} native charts, ${fmt(exported.value.bytes / 1024)} KB`,
  )
  const docx = path.join(host.exportDir, exported.value.file)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-report-pages-'))
  try {
    const started = performance.now()
    const pages = libreOfficePages(docx, work)
    if (pages === null)
      console.log(`  pages: about ${estimatedPages(build.value)} (estimated; LibreOffice not installed)`)
    else
      console.log(
        `  pages: ${pages} (LibreOffice, converted in ${seconds(performance.now() - started)}; estimate ${estimatedPages(build.value)}); charts: ${exported.value.charts}`,
      )
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
    fs.rmSync(docx, { force: true })
  }
} finally {
  await host.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}
