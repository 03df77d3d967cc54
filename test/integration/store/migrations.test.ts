import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, openWorkspace } from '../../../electron/engine/store/database.ts'
import { migrations } from '../../../electron/engine/store/migrations/index.ts'
import { tempDir } from '../../helpers/workspace.ts'

describe('workspace migrations', () => {
  it('bring an empty file to the latest version, in WAL mode with foreign keys', () => {
    const file = path.join(tempDir(), 'w.db')
    const db = openWorkspace(file)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as {
        name: string
      }[]
    ).map((t) => t.name)
    expect(tables).toEqual(
      expect.arrayContaining(['audit_log', 'dataset_fields', 'datasets', 'import_batches', 'import_errors']),
    )
    db.close()
  })

  it('are idempotent and refuse a workspace from a newer version', () => {
    const file = path.join(tempDir(), 'w.db')
    openWorkspace(file).close()
    const again = openWorkspace(file)
    expect(migrate(again)).toBe(migrations.length)
    again.pragma(`user_version = ${migrations.length + 1}`)
    again.close()
    const raw = new Database(file)
    expect(() => migrate(raw)).toThrow(/请升级研判工作台/)
    raw.close()
  })
})
