import type { Sql } from '../store/sql.ts'
import type { ScanStatement } from './scan.ts'

/** Messages between a rule run and its scan threads (scan-pool.ts, scan-worker.ts). */
export interface ScanWorkerData {
  /** Source module for the tsx shim (source mode only). */
  entry?: string
  dbPath: string
}

/** A scan, or statements that write (building indexes) on a connection of its own. */
export type ScanJob = { type: 'scan'; statement: ScanStatement } | { type: 'exec'; statements: Sql[] }

export type ScanRequest = { type: 'job'; id: number; job: ScanJob } | { type: 'close' }

export type ScanReply =
  | { type: 'ready' }
  | { type: 'rows'; id: number; rows: number[][] }
  | { type: 'error'; id: number; message: string }
