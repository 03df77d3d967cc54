import type { ScanStatement } from './scan.ts'

/** Messages between a rule run and its scan threads (scan-pool.ts, scan-worker.ts). */
export interface ScanWorkerData {
  /** Source module for the tsx shim (source mode only). */
  entry?: string
  dbPath: string
}

export type ScanRequest = { type: 'scan'; id: number; statement: ScanStatement } | { type: 'close' }

export type ScanReply =
  | { type: 'ready' }
  | { type: 'rows'; id: number; rows: number[][] }
  | { type: 'error'; id: number; message: string }
