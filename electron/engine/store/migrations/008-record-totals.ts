import type { Db } from '../database.ts'

/**
 * The number of current records of each dataset, with the committed import batches it counts
 * (datasets/record-totals.ts). A workspace from before this migration has no rows here, and its
 * readers count until the next import or undo stores a total.
 */
export function recordTotals(db: Db): void {
  db.exec(`
    CREATE TABLE record_totals (
      dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
      batches TEXT NOT NULL,
      total INTEGER NOT NULL
    );
  `)
}
