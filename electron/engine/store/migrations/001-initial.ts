import type { Db } from '../database.ts'

/**
 * Datasets, their fields, import batches and errors, and the audit log. Each dataset's records live in
 * their own table `records_<id>` (created on first import, see engine/datasets/records-table.ts) with
 * one column per field, because exports differ in shape and analyses need typed columns.
 */
export function initial(db: Db): void {
  db.exec(`
    CREATE TABLE datasets (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('010101', '020101', 'generic')),
      signature TEXT NOT NULL,
      key_fields TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX datasets_kind ON datasets (kind, signature);

    CREATE TABLE dataset_fields (
      dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      column_name TEXT NOT NULL,
      type TEXT NOT NULL,
      role TEXT,
      source TEXT NOT NULL,
      value_set TEXT,
      description TEXT,
      PRIMARY KEY (dataset_id, position),
      UNIQUE (dataset_id, name)
    );

    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
      file_name TEXT NOT NULL,
      file_size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      format TEXT NOT NULL,
      encoding TEXT,
      sheet TEXT,
      imported_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
      undone_at TEXT,
      rows_read INTEGER NOT NULL DEFAULT 0,
      inserted INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      notes TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX import_batches_dataset ON import_batches (dataset_id, id);

    CREATE TABLE import_errors (
      id INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
      row INTEGER,
      column_name TEXT,
      value TEXT,
      message TEXT NOT NULL
    );
    CREATE INDEX import_errors_batch ON import_errors (batch_id, id);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      object TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    );
  `)
}
