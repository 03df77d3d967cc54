/** The report channels (shared/ipc/report-contract.ts) → engine functions. */
import type { ReportProgress, ReportResults, reportChannels } from '../../../shared/ipc/report-contract.ts'
import type { z } from 'zod'
import { nowIso } from '../clock.ts'
import type { EngineContext } from '../services/context.ts'
import { buildReport } from './build-report.ts'
import { exportReport } from './export-report.ts'
import { problemSourcesWithAnomalies } from './anomaly-problems.ts'
import { deleteTemplate, getTemplate, listTemplates, saveTemplate, validateTemplate } from './templates.ts'

type Channels = typeof reportChannels
type Handlers = {
  [C in keyof Channels]: (
    ctx: EngineContext,
    args: z.output<Channels[C]>,
  ) => ReportResults[C] | Promise<ReportResults[C]>
}

const options = (ctx: EngineContext) => ({
  today: nowIso().slice(0, 10),
  // 五、存在问题 draws on the warning centre first, then on the indicator figures and the flags.
  problemSources: problemSourcesWithAnomalies(ctx.db, nowIso().slice(0, 10)),
  onProgress: (progress: ReportProgress) => ctx.emit('report/progress', progress),
})

export const reportHandlers: Handlers = {
  'report/templates': (ctx) => listTemplates(ctx.db),
  'report/template/get': (ctx, args) => getTemplate(ctx.db, args.id),
  'report/template/validate': (ctx, args) => ({ problems: validateTemplate(ctx.db, args.template).problems }),
  'report/template/save': (ctx, args) => saveTemplate(ctx.db, args.template),
  'report/template/delete': (ctx, args) => deleteTemplate(ctx.db, args.id),
  'report/build': (ctx, args) => buildReport(ctx.db, args, options(ctx)),
  'report/export': (ctx, args) => exportReport(ctx.db, ctx.exportDir, args, options(ctx)),
}
