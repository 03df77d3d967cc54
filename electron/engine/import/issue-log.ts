import type { ImportIssue } from '../../../shared/ipc/contract.ts'
import type { Db } from '../store/database.ts'

/** Beyond this many stored issues a batch only counts them: a file of bad cells must not bloat the workspace. */
const STORED_LIMIT = 100_000
/** How many issues the import result carries back to the UI / CLI. */
const RESULT_LIMIT = 1_000

/** Collects the cell-level findings of one import batch into import_errors, inside its transaction. */
export class IssueLog {
  readonly sample: ImportIssue[] = []
  total = 0
  private readonly insert

  constructor(
    db: Db,
    private readonly batchId: number,
  ) {
    this.insert = db.prepare(
      'INSERT INTO import_errors (batch_id, row, column_name, value, message) VALUES (?, ?, ?, ?, ?)',
    )
  }

  add(row: number | null, column: string | null, value: string | null, message: string): void {
    this.total += 1
    if (this.total <= STORED_LIMIT) this.insert.run(this.batchId, row, column, value, message)
    if (this.sample.length < RESULT_LIMIT) this.sample.push({ row, column, message })
  }

  /** A note for the result when issues were only counted. */
  overflowNote(): string | null {
    if (this.total <= STORED_LIMIT) return null
    return `共发现 ${this.total} 处问题，仅保存前 ${STORED_LIMIT} 处明细`
  }
}
