/**
 * Channels of the Word reports (业务数据分析研判报告, 数据质量通报): templates (built-in and the
 * workspace's own), building a report for the in-app preview, and exporting it as .docx. Spread into
 * `channels` in contract.ts; result types are in ReportResults.
 *
 * The preview and the export take the same arguments and run the same builder, so what the analyst
 * reads in the app is what Word shows. Edited paragraphs travel as `overrides` (paragraph id → text;
 * ids are stable for a template, unit and period, see ParagraphBlock.id).
 */
import { z } from 'zod'
import type { ReportModel } from '../reports/report-model.ts'
import type { ReportTemplate } from '../reports/template.ts'

const templateRef = z.string().trim().min(1).max(80)
const unitCode = z.string().trim().min(1).max(20)

export const reportArgs = z.object({
  /** A template id (quarterly, annual, quality, topic-minors, or a workspace template) or its name. */
  template: templateRef,
  /** An unsaved template to build instead of the stored one (the template editor's preview). */
  draft: z.unknown().optional(),
  /** 2025Q3, 2025, 2025H1, 2025-07, 2025-01..2025-09. */
  period: z.string().trim().min(4).max(40),
  /** Default: the top of the unit hierarchy (the 省院). */
  unit: unitCode.optional(),
  /** Units compared side by side with the report's unit in indicator tables and `compare` lists. */
  compareUnits: z.array(unitCode).max(10).default([]),
  /** Edited paragraphs: paragraph id → the analyst's text. */
  overrides: z.record(z.string().max(160), z.string().max(20_000)).default({}),
  /** Figures without records that have unresolved 错误-level flags. */
  excludeFlagged: z.boolean().default(false),
})
export type ReportArgs = z.input<typeof reportArgs>
export type ParsedReportArgs = z.output<typeof reportArgs>

export const reportChannels = {
  'report/templates': z.object({}).default({}),
  'report/template/get': z.object({ id: templateRef }),
  /** Checks a template (schema, placeholders, indicators) without saving it: the editor's live check. */
  'report/template/validate': z.object({ template: z.unknown() }),
  /** Saves a workspace template (a built-in id is refused: save a copy under a new id). */
  'report/template/save': z.object({ template: z.unknown() }),
  'report/template/delete': z.object({ id: templateRef }),
  /** The resolved report for the preview; emits report/progress. */
  'report/build': reportArgs,
  /** Writes the .docx into the export folder (save it with saveExport / the download URL). */
  'report/export': reportArgs,
} as const

export interface ReportTemplateSummary {
  id: string
  name: string
  description: string
  source: 'builtin' | 'user'
  periodHint: ReportTemplate['periodHint']
  /** Top-level sections. */
  sections: number
  /** Workspace templates: when last saved; null for built-ins. */
  updatedAt: string | null
}

export type StoredReportTemplate = ReportTemplate & { source: 'builtin' | 'user' }

export interface TemplateProblem {
  /** Where: 'sections.2.blocks.0.text', 'title' … */
  path: string
  message: string
}

export interface ReportExportResult {
  /** The export's id in the workspace's export folder (`<uuid>.docx`). */
  file: string
  /** Suggested file name: 南京市人民检察院2025年第三季度业务数据分析研判报告.docx */
  name: string
  bytes: number
  paragraphs: number
  tables: number
  charts: number
  elapsedMs: number
}

export interface ReportResults {
  'report/templates': ReportTemplateSummary[]
  'report/template/get': StoredReportTemplate
  'report/template/validate': { problems: TemplateProblem[] }
  'report/template/save': ReportTemplateSummary
  'report/template/delete': { id: string }
  'report/build': ReportModel
  'report/export': ReportExportResult
}

/** report/build and report/export: what is being done, `done` of `total` steps. */
export interface ReportProgress {
  phase: 'computing' | 'composing' | 'charts' | 'writing' | 'done'
  done: number
  total: number
}
