import type { Db } from '../database.ts'
import { initial } from './001-initial.ts'
import { units } from './002-units.ts'
import { quality } from './003-quality.ts'
import { settings } from './004-settings.ts'
import { indicators } from './005-indicators.ts'
import { reports } from './006-reports.ts'
import { anomalies } from './007-anomalies.ts'
import { recordTotals } from './008-record-totals.ts'

/**
 * Numbered, append-only: migration N brings user_version N-1 to N. Never edit a released one;
 * add the next file and list it here.
 */
export const migrations: ReadonlyArray<(db: Db) => void> = [
  initial,
  units,
  quality,
  settings,
  indicators,
  reports,
  anomalies,
  recordTotals,
]
