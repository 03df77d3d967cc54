import type { Db } from '../database.ts'

/**
 * Indicators: the analyst's own definitions (the library lives in resources/indicators), and the
 * pre-aggregated measures the dashboard reads — per dataset, variant (all records, or without
 * records that have unresolved 错误 flags), measure (a hash of its SQL), unit and month. `stamp` says
 * which committed batches (and, for the clean variant, which flag state) an aggregate was built from,
 * so a re-import, an undo or a review change makes it stale instead of wrong.
 */
export function indicators(db: Db): void {
  db.exec(`
    CREATE TABLE indicator_definitions (
      id TEXT PRIMARY KEY,
      definition TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE indicator_aggregate_state (
      dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
      variant TEXT NOT NULL CHECK (variant IN ('all', 'clean')),
      measure TEXT NOT NULL,
      stamp TEXT NOT NULL,
      -- The records table's largest _id when built: rows above it came with later batches, so an
      -- appended import is folded in as a delta instead of a rebuild.
      max_id INTEGER,
      built_at TEXT NOT NULL,
      PRIMARY KEY (dataset_id, variant, measure)
    );

    CREATE TABLE indicator_aggregates (
      dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
      variant TEXT NOT NULL,
      measure TEXT NOT NULL,
      unit TEXT NOT NULL,
      month INTEGER NOT NULL,
      n REAL NOT NULL,
      s REAL
    );
    CREATE INDEX indicator_aggregates_measure ON indicator_aggregates (dataset_id, variant, measure);
  `)
}
