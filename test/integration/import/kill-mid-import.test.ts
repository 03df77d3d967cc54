import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ARREST_HEADER, arrestRows } from '../../helpers/case-rows.ts'
import { runCli, spawnCli } from '../../helpers/cli.ts'
import { tempDir, writeCsv } from '../../helpers/workspace.ts'

/** Every committed batch has exactly its rows; no partial batch is visible. */
function checkConsistent(dbFile: string): { batches: number; records: number } {
  const db = new Database(dbFile)
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const batches = db
      .prepare("SELECT id, dataset_id, inserted FROM import_batches WHERE status = 'committed'")
      .all() as {
      id: number
      dataset_id: number
      inserted: number
    }[]
    let records = 0
    for (const b of batches) {
      const n = (
        db.prepare(`SELECT count(*) AS n FROM records_${b.dataset_id} WHERE _batch = ?`).get(b.id) as {
          n: number
        }
      ).n
      expect(n).toBe(b.inserted)
      records += n
    }
    const datasets = db.prepare('SELECT id FROM datasets').all() as { id: number }[]
    for (const d of datasets) {
      const orphan = db
        .prepare(
          `SELECT count(*) AS n FROM records_${d.id} WHERE _batch NOT IN (SELECT id FROM import_batches)`,
        )
        .get() as { n: number }
      expect(orphan.n).toBe(0)
    }
    return { batches: batches.length, records }
  } finally {
    db.close()
  }
}

describe('a process killed mid-import', () => {
  it(
    'leaves a consistent workspace without the partial batch, at any point',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir()
      const dbFile = path.join(dir, 'w.db')
      const file = await writeCsv(path.join(dir, 'big.csv'), [ARREST_HEADER, ...arrestRows(200_000)])
      // A first small import, so kills happen in a workspace that already holds data.
      const small = await writeCsv(path.join(dir, 'small.csv'), [ARREST_HEADER, ...arrestRows(10, 500_000)])
      expect(runCli(['import', small, '--db', dbFile]).code).toBe(0)

      let seed = 20260126
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      let killedMidImport = 0
      for (let attempt = 0; attempt < 6; attempt++) {
        const child = spawnCli(['import', file, '--db', dbFile])
        const exited = new Promise((r) => child.once('exit', r))
        const delay = 400 + Math.floor(random() * 4000)
        await new Promise((r) => setTimeout(r, delay))
        child.kill('SIGKILL')
        await exited
        const state = checkConsistent(dbFile)
        // Either the big import had committed before the kill, or nothing of it is there.
        expect([10, 200_010]).toContain(state.records)
        if (state.records === 200_010) break
        killedMidImport += 1
      }
      expect(killedMidImport).toBeGreaterThan(0) // the test really interrupted an import
      // The workspace still takes the import afterwards.
      expect(runCli(['import', file, '--db', dbFile]).code).toBe(0)
      const final = checkConsistent(dbFile)
      expect(final.records).toBe(200_010)
    },
  )
})
