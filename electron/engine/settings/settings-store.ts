import type { AnomalySettings } from '../../../shared/anomalies/model.ts'
import { get, run, type Db } from '../store/database.ts'
import { sql } from '../store/sql.ts'

/** The workspace settings the engine knows; anything else is refused. */
export interface Settings {
  /** The first-start offer of the demo province was answered (accepted or declined). */
  demoOffered: boolean
  /** The workspace's direction for an indicator where it differs from the definition (id → direction). */
  indicatorDirections: Record<string, 'up' | 'down' | 'range'>
  /** Anomaly-detector thresholds: the workspace's defaults and per-indicator overrides (partial). */
  anomalySettings: AnomalySettings
}

const DEFAULTS: Settings = {
  demoOffered: false,
  indicatorDirections: {},
  anomalySettings: { defaults: {}, indicators: {} },
}

export function getSetting<K extends keyof Settings>(db: Db, key: K): Settings[K] {
  const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`)
  return row ? (JSON.parse(row.value) as Settings[K]) : DEFAULTS[key]
}

export function setSetting<K extends keyof Settings>(db: Db, key: K, value: Settings[K]): void {
  run(
    db,
    sql`INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify(value)})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  )
}
