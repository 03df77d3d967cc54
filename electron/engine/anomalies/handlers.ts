/** The anomaly channels (shared/ipc/anomaly-contract.ts) → engine functions. */
import type { z } from 'zod'
import type { AnomalyResults, anomalyChannels } from '../../../shared/ipc/anomaly-contract.ts'
import { nowIso } from '../clock.ts'
import type { EngineContext } from '../services/context.ts'
import { acknowledge } from './acknowledgements.ts'
import { explainAnomaly } from './explain.ts'
import { forecastAnomaly } from './forecast.ts'
import { listAnomalies } from './list.ts'
import { anomalySettings } from './settings.ts'

type Channels = typeof anomalyChannels
type Handlers = {
  [C in keyof Channels]: (ctx: EngineContext, args: z.output<Channels[C]>) => AnomalyResults[C]
}

const today = () => nowIso().slice(0, 10)

export const anomalyHandlers: Handlers = {
  'anomaly/list': (ctx, args) => listAnomalies(ctx.db, args, today()),
  'anomaly/explain': (ctx, args) => explainAnomaly(ctx.db, args, today()),
  'anomaly/acknowledge': (ctx, args) => acknowledge(ctx.db, args),
  'anomaly/forecast': (ctx, args) => forecastAnomaly(ctx.db, args, today()),
  'anomaly/settings': (ctx, args) => anomalySettings(ctx.db, args),
}
