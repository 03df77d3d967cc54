import type { Envelope } from '../../../shared/ipc/envelope.ts'

/** Messages between a worker host and its engine worker. */
export type ToWorker = { type: 'call'; id: number; channel: string; args: unknown } | { type: 'close' }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: string; payload: unknown }

export interface WorkerData {
  /** Source module for the tsx shim (source mode only). */
  entry?: string
  dbPath: string
  mode: 'electron' | 'browser' | 'cli'
  offerDemo?: boolean
}
