import type { Db } from '../database.ts'

/**
 * Data-quality review (数据质量核查): workspace rules and overrides of library rules, flags with their
 * review status, the whitelist (已核对清单), and what the last run checked, so the next run re-checks
 * only what changed. Flags are identified by (rule, dataset, record key), not by record version, so
 * review work survives re-imports and undos; whitelist entries by (rule, record key) alone.
 */
export function quality(db: Db): void {
  db.exec(`
    CREATE TABLE quality_rules (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('library', 'user')),
      definition TEXT,
      enabled INTEGER,
      parameters TEXT NOT NULL DEFAULT '{}',
      updated_at TEXT NOT NULL
    );

    CREATE TABLE quality_flags (
      id INTEGER PRIMARY KEY,
      rule_id TEXT NOT NULL,
      dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
      record_key TEXT NOT NULL,
      record_id INTEGER NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
      message TEXT NOT NULL,
      fields TEXT NOT NULL DEFAULT '[]',
      case_number TEXT,
      suspect_id TEXT,
      suspect_name TEXT,
      unit TEXT,
      prosecutor TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rectified', 'falsePositive')),
      prior_status TEXT,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      rectified_at TEXT,
      reviewer TEXT,
      reviewed_at TEXT,
      note TEXT,
      UNIQUE (rule_id, dataset_id, record_key)
    );
    CREATE INDEX quality_flags_status ON quality_flags (status, rule_id);
    CREATE INDEX quality_flags_dataset_key ON quality_flags (dataset_id, record_key);
    CREATE INDEX quality_flags_unit ON quality_flags (unit, status);
    CREATE INDEX quality_flags_prosecutor ON quality_flags (prosecutor, status);

    CREATE TABLE quality_whitelist (
      id INTEGER PRIMARY KEY,
      rule_id TEXT NOT NULL,
      record_key TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      note TEXT,
      added_at TEXT NOT NULL,
      UNIQUE (rule_id, record_key)
    );

    CREATE TABLE quality_rule_state (
      rule_id TEXT NOT NULL,
      dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
      hash TEXT NOT NULL,
      today TEXT NOT NULL,
      checked_at TEXT NOT NULL,
      PRIMARY KEY (rule_id, dataset_id)
    );

    CREATE TABLE quality_dataset_state (
      dataset_id INTEGER PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
      batches TEXT NOT NULL DEFAULT '[]',
      checked_at TEXT NOT NULL
    );

    CREATE TABLE quality_runs (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      summary TEXT NOT NULL
    );
  `)
}
