/**
 * Every call across a transport (Electron IPC, the loopback HTTP bridge, the CLI's in-process calls)
 * returns one of these envelopes, so the renderer never has to catch transport-specific exceptions.
 */
export type ErrorCode =
  | 'BAD_ARGUMENT'
  | 'UNKNOWN_CHANNEL'
  | 'NOT_FOUND'
  | 'IMPORT_FAILED'
  | 'UNSUPPORTED_FORMAT'
  | 'CORRUPT_FILE'
  | 'NO_HEADER'
  | 'TOO_LARGE'
  | 'DISK_FULL'
  | 'CONFLICT'
  | 'INTERNAL'

/** An error fit to show the analyst: `message` is Simplified Chinese; `code` is stable for programs. */
export interface EngineErrorData {
  code: ErrorCode
  message: string
  file?: string
  row?: number
  column?: string
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: EngineErrorData }

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value })
export const fail = (error: EngineErrorData): Envelope<never> => ({ ok: false, error })
