import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { registerExprFunctions } from '../expr/sql-functions.ts'
import { migrations } from './migrations/index.ts'
import type { Sql } from './sql.ts'

export type Db = Database.Database

/**
 * Opens (creating if needed) a workspace file and brings its schema to the latest version.
 * WAL lets the grid read while an import writes; foreign keys keep batches and errors consistent.
 */
/**
 * Page cache sizes (negative: KiB). Dashboards and grids re-read the same pages, so the cache is
 * large; an import only appends, and a large cache would just hold its written pages (≈ 100 MB
 * of the peak memory of a 1M-row import, with no gain in speed).
 */
export const CACHE_KIB = { reading: -131072, importing: -32768 }

export function openWorkspace(file: string, options: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file, { readonly: options.readonly ?? false })
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  if (!options.readonly) {
    if (file !== ':memory:') db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    migrate(db)
  }
  db.pragma(`cache_size = ${CACHE_KIB.reading}`)
  db.pragma('temp_store = MEMORY')
  // Compiled expressions (rules, filters, indicators) may call regexp() and the 身份证 functions.
  registerExprFunctions(db)
  return db
}

/** Applies every migration newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new Error(`工作区版本（${current}）比本程序（${migrations.length}）新，请升级研判工作台后再打开。`)
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    const migration = migrations[version - 1]
    db.transaction(() => {
      migration(db)
      db.pragma(`user_version = ${version}`)
    })()
  }
  return migrations.length
}

export const run = (db: Db, q: Sql) => db.prepare(q.text).run(...q.values)
export const all = <T>(db: Db, q: Sql) => db.prepare(q.text).all(...q.values) as T[]
export const get = <T>(db: Db, q: Sql) => db.prepare(q.text).get(...q.values) as T | undefined
