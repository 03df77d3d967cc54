/** The indicator channels (shared/ipc/indicator-contract.ts) → engine functions. */
import type { IndicatorResults } from '../../../shared/ipc/indicator-contract.ts'
import type { indicatorChannels } from '../../../shared/ipc/indicator-contract.ts'
import type { z } from 'zod'
import { nowIso } from '../clock.ts'
import type { EngineContext } from '../services/context.ts'
import { computeIndicators, computeMonthly, computeSeries, periodWindows, warmIndicators } from './compute.ts'
import { monthIndexOfDate } from '../../../shared/indicators/period.ts'
import {
  deleteIndicator,
  exportIndicators,
  importIndicators,
  saveIndicator,
  setIndicatorDirection,
} from './definitions.ts'
import { drillIndicator } from './drill.ts'
import { listIndicators } from './library.ts'
import { previewIndicator, validateIndicator } from './preview.ts'

type Channels = typeof indicatorChannels
type Handlers = {
  [C in keyof Channels]: (
    ctx: EngineContext,
    args: z.output<Channels[C]>,
  ) => IndicatorResults[C] | Promise<IndicatorResults[C]>
}

const today = () => nowIso().slice(0, 10)

export const indicatorHandlers: Handlers = {
  'indicator/list': (ctx) => listIndicators(ctx.db),
  'indicator/save': (ctx, args) => saveIndicator(ctx.db, args.definition, today()),
  'indicator/delete': (ctx, args) => deleteIndicator(ctx.db, args.id),
  'indicator/validate': (ctx, args) => validateIndicator(ctx.db, args.definition, today()),
  'indicator/preview': (ctx, args) => previewIndicator(ctx.db, args, today()),
  'indicator/setDirection': (ctx, args) => setIndicatorDirection(ctx.db, args.id, args.direction),
  'indicator/import': (ctx, args) => importIndicators(ctx.db, args.text, today()),
  'indicator/export': (ctx, args) => exportIndicators(ctx.db, args.ids, args.format),
  // Stale aggregates are built on scan threads first, so the engine answers other calls meanwhile.
  'indicator/compute': async (ctx, args) => {
    const windows = periodWindows(args.period)
    await warmIndicators(ctx.db, ctx.dbPath, { ...args, windows }, today())
    if (args.withClean && !args.excludeFlagged)
      await warmIndicators(
        ctx.db,
        ctx.dbPath,
        { ...args, excludeFlagged: true, windows: windows.slice(0, 1) },
        today(),
      )
    return computeIndicators(ctx.db, args, today())
  },
  'indicator/series': async (ctx, args) => {
    const window = { from: monthIndexOfDate(args.from) - 12, to: monthIndexOfDate(args.to) }
    await warmIndicators(
      ctx.db,
      ctx.dbPath,
      { indicators: [args.indicator], excludeFlagged: args.excludeFlagged, windows: [window] },
      today(),
    )
    return computeSeries(ctx.db, args, today())
  },
  'indicator/monthly': async (ctx, args) => {
    const window = { from: monthIndexOfDate(args.from) - 12, to: monthIndexOfDate(args.to) }
    await warmIndicators(ctx.db, ctx.dbPath, { ...args, windows: [window] }, today())
    return computeMonthly(ctx.db, args, today())
  },
  'indicator/drill': (ctx, args) => drillIndicator(ctx.db, args, today()),
}
