import type { Db } from '../database.ts'

/**
 * Anomaly warnings the analyst reviewed (异常预警 已确认): keyed by what a warning is — indicator,
 * unit, period (canonical text, '2024Q3') and kind — not by a computed row, so an acknowledgement
 * survives every recomputation, re-import and undo, and applies again whenever the same warning
 * shows. Detector thresholds live in the settings table.
 */
export function anomalies(db: Db): void {
  db.exec(`
    CREATE TABLE anomaly_acknowledgements (
      indicator TEXT NOT NULL,
      unit TEXT NOT NULL,
      period TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('升降', '空白', '离群', '季节异常')),
      note TEXT NOT NULL,
      reviewer TEXT,
      acknowledged_at TEXT NOT NULL,
      PRIMARY KEY (indicator, unit, period, kind)
    );
    CREATE INDEX anomaly_acknowledgements_period ON anomaly_acknowledgements (period);
  `)
}
