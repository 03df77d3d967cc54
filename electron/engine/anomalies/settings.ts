/**
 * Detector thresholds of the workspace (anomaly/settings): its own defaults and per-indicator
 * overrides, over the built-in defaults (shared/anomalies/model.ts). Stored in the settings table;
 * a value that no longer validates (an older version's) is ignored, never fatal.
 */
import {
  anomalySettingsSchema,
  DEFAULT_THRESHOLDS,
  effectiveThresholds,
  thresholdOverridesSchema,
  type AnomalySettings,
  type ThresholdOverrides,
} from '../../../shared/anomalies/model.ts'
import type { AnomalySettingsResult } from '../../../shared/ipc/anomaly-contract.ts'
import { audit } from '../audit/audit-log.ts'
import { EngineError } from '../errors.ts'
import { selectIndicators } from '../indicators/compute.ts'
import { listIndicators } from '../indicators/library.ts'
import { getSetting, setSetting } from '../settings/settings-store.ts'
import type { Db } from '../store/database.ts'

export function loadAnomalySettings(db: Db): AnomalySettings {
  const parsed = anomalySettingsSchema.safeParse(getSetting(db, 'anomalySettings'))
  return parsed.success ? parsed.data : { defaults: {}, indicators: {} }
}

/** Reads the thresholds; with `set` saves overrides first (null: removes them). */
export function anomalySettings(
  db: Db,
  args: { indicator?: string; set?: ThresholdOverrides | null },
): AnomalySettingsResult {
  let id: string | null = null
  if (args.indicator !== undefined) id = selectIndicators(listIndicators(db), [args.indicator])[0].id
  if (args.set !== undefined) {
    const current = loadAnomalySettings(db)
    const next: AnomalySettings = { defaults: { ...current.defaults }, indicators: { ...current.indicators } }
    if (args.set === null) {
      if (id === null) next.defaults = {}
      else delete next.indicators[id]
    } else {
      const checked = thresholdOverridesSchema.safeParse(args.set)
      if (!checked.success)
        throw new EngineError('BAD_ARGUMENT', `阈值设置不正确：${checked.error.issues[0]?.message ?? ''}`)
      if (id === null) next.defaults = { ...next.defaults, ...checked.data }
      else next.indicators[id] = { ...next.indicators[id], ...checked.data }
    }
    setSetting(db, 'anomalySettings', next)
    audit(db, 'anomaly.settings', id ?? '*', { set: args.set })
  }
  const settings = loadAnomalySettings(db)
  return {
    builtin: {
      ...DEFAULT_THRESHOLDS,
      kinds: [...DEFAULT_THRESHOLDS.kinds],
      compare: [...DEFAULT_THRESHOLDS.compare],
    },
    defaults: effectiveThresholds(settings),
    overrides: settings.indicators,
    indicator: id,
    effective: id === null ? null : effectiveThresholds(settings, id),
  }
}
