/**
 * Report templates: the built-ins shipped in resources/reports/*.json (one template per file, checked
 * once when first read) and the analyst's own, stored in the workspace (report_templates). A
 * built-in cannot be changed or deleted: the editor saves a copy under a new id.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { IndicatorSummary } from '../../../shared/ipc/indicator-contract.ts'
import type {
  ReportTemplateSummary,
  StoredReportTemplate,
  TemplateProblem,
} from '../../../shared/ipc/report-contract.ts'
import {
  BUILTIN_TEMPLATE_IDS,
  templateSchema,
  type ReportTemplate,
} from '../../../shared/reports/template.ts'
import { audit } from '../audit/audit-log.ts'
import { nowIso } from '../clock.ts'
import { EngineError } from '../errors.ts'
import { listIndicators } from '../indicators/library.ts'
import { projectRoot } from '../project-root.ts'
import { all, get, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'
import { checkTemplate } from './template-check.ts'

const cache = new Map<string, StoredReportTemplate[]>()

export function builtinTemplateDir(): string {
  return path.join(projectRoot(), 'resources', 'reports')
}

/** The built-in templates, in the order of BUILTIN_TEMPLATE_IDS. Throws on a malformed file: a build error. */
export function loadBuiltinTemplates(dir = builtinTemplateDir()): readonly StoredReportTemplate[] {
  let templates = cache.get(dir)
  if (templates) return templates
  templates = []
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = templateSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
    if (!parsed.success) throw new Error(`报告模板文件 ${file} 格式不正确：${parsed.error.message}`)
    if (templates.some((t) => t.id === parsed.data.id))
      throw new Error(`报告模板编号 ${parsed.data.id} 重复（${file}）`)
    templates.push({ ...parsed.data, source: 'builtin' })
  }
  const order = (id: string) => {
    const at = (BUILTIN_TEMPLATE_IDS as readonly string[]).indexOf(id)
    return at < 0 ? BUILTIN_TEMPLATE_IDS.length : at
  }
  templates.sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id))
  cache.set(dir, templates)
  return templates
}

interface UserRow {
  id: string
  definition: string
  updated_at: string
}

function userTemplates(db: Db): { template: StoredReportTemplate; updatedAt: string }[] {
  return all<UserRow>(
    db,
    sql`SELECT id, definition, updated_at FROM report_templates ORDER BY created_at, id`,
  ).flatMap((row) => {
    const parsed = templateSchema.safeParse(JSON.parse(row.definition))
    // A template saved by an older version that no longer validates is skipped, never fatal.
    return parsed.success
      ? [{ template: { ...parsed.data, source: 'user' as const }, updatedAt: row.updated_at }]
      : []
  })
}

function summary(template: StoredReportTemplate, updatedAt: string | null): ReportTemplateSummary {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    source: template.source,
    periodHint: template.periodHint,
    sections: template.sections.length,
    updatedAt,
  }
}

/** Built-ins first, then the workspace's templates in the order they were made. */
export function listTemplates(db: Db): ReportTemplateSummary[] {
  return [
    ...loadBuiltinTemplates().map((t) => summary(t, null)),
    ...userTemplates(db).map((u) => summary(u.template, u.updatedAt)),
  ]
}

/** A template by id, else by name; the error lists what exists. */
export function getTemplate(db: Db, ref: string): StoredReportTemplate {
  const candidates = [...loadBuiltinTemplates(), ...userTemplates(db).map((u) => u.template)]
  const found = candidates.find((t) => t.id === ref) ?? candidates.find((t) => t.name === ref)
  if (found) return found
  const known = candidates.map((t) => `${t.id}（${t.name}）`).join('、')
  throw new EngineError('NOT_FOUND', `没有名为“${ref}”的报告模板。可用的模板：${known}。`)
}

/** Schema, placeholders and indicators of a template the analyst is editing. */
export function validateTemplate(
  db: Db,
  input: unknown,
  indicators: readonly IndicatorSummary[] = listIndicators(db),
): { template: ReportTemplate | null; problems: TemplateProblem[] } {
  return checkTemplate(input, indicators)
}

/** One line naming the first problems, for errors. */
export function describeProblems(problems: readonly TemplateProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => (p.path ? `${p.path}：${p.message}` : p.message))
  const more = problems.length > 5 ? `等 ${problems.length} 处问题` : ''
  return `${shown.join('；')}${more}`
}

export function saveTemplate(db: Db, input: unknown): ReportTemplateSummary {
  const { template, problems } = validateTemplate(db, input)
  if (!template || problems.length > 0)
    throw new EngineError('BAD_ARGUMENT', `报告模板有误：${describeProblems(problems)}`)
  if (loadBuiltinTemplates().some((t) => t.id === template.id))
    throw new EngineError(
      'CONFLICT',
      `“${template.id}”是内置模板的编号，内置模板不能修改，请换一个编号另存。`,
    )
  const now = nowIso()
  run(
    db,
    sql`INSERT INTO report_templates (id, definition, created_at, updated_at)
        VALUES (${template.id}, ${JSON.stringify(template)}, ${now}, ${now})
        ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
  )
  audit(db, 'report-template-save', template.id, { name: template.name })
  return summary({ ...template, source: 'user' }, now)
}

export function deleteTemplate(db: Db, id: string): { id: string } {
  if (loadBuiltinTemplates().some((t) => t.id === id))
    throw new EngineError('CONFLICT', `“${id}”是内置模板，不能删除。`)
  const exists = get<{ id: string }>(db, sql`SELECT id FROM report_templates WHERE id = ${id}`)
  if (!exists) throw new EngineError('NOT_FOUND', `没有编号为“${id}”的自定义报告模板。`)
  run(db, sql`DELETE FROM report_templates WHERE id = ${id}`)
  audit(db, 'report-template-delete', id)
  return { id }
}
