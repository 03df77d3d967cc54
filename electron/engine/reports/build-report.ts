/**
 * report/build: the template (stored, or the editor's unsaved draft) and the analyst's choices
 * (period, unit, compared units, edited paragraphs) → the report model the preview shows and the
 * Word writer writes. Figures are gathered once (gather.ts); the rest is pure composition.
 */
import type {
  ParsedReportArgs,
  ReportProgress,
  StoredReportTemplate,
} from '../../../shared/ipc/report-contract.ts'
import type { ReportModel } from '../../../shared/reports/report-model.ts'
import { EngineError } from '../errors.ts'
import type { Db } from '../store/database.ts'
import { composeReport } from './compose/compose.ts'
import { gatherReportData } from './gather.ts'
import { DEFAULT_PROBLEM_SOURCES, type ProblemSource } from './problems.ts'
import { describeProblems, getTemplate, validateTemplate } from './templates.ts'

export interface BuildOptions {
  /** 'YYYY-MM-DD' */
  today: string
  /**
   * Where 五、存在问题 finds problems. Default: the indicator figures and the data-quality flags; a
   * caller adds more sources (anomaly warnings) by passing the whole list.
   */
  problemSources?: readonly ProblemSource[]
  onProgress?: (progress: ReportProgress) => void
}

/** The stored template named by `args.template`, or the draft when one is given (checked first). */
export function reportTemplate(
  db: Db,
  args: Pick<ParsedReportArgs, 'template' | 'draft'>,
): StoredReportTemplate {
  if (args.draft === undefined) return getTemplate(db, args.template)
  const { template, problems } = validateTemplate(db, args.draft)
  if (!template || problems.length > 0)
    throw new EngineError('BAD_ARGUMENT', `报告模板有误：${describeProblems(problems)}`)
  return { ...template, source: 'user' }
}

export function buildReport(db: Db, args: ParsedReportArgs, options: BuildOptions): ReportModel {
  const template = reportTemplate(db, args)
  const data = gatherReportData(db, template, args, {
    today: options.today,
    problemSources: options.problemSources ?? DEFAULT_PROBLEM_SOURCES,
    onProgress: options.onProgress,
  })
  options.onProgress?.({ phase: 'composing', done: 0, total: 1 })
  const model = composeReport({ template, data, overrides: args.overrides })
  options.onProgress?.({ phase: 'composing', done: 1, total: 1 })
  return model
}
