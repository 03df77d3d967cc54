import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { TallyCounts } from '../row-kind.ts'
import type { TypedBatch } from './typed-batch.ts'
import type { RowTyping } from './type-row.ts'

/** What the typing thread of a large import is asked to do. */
export interface TypingJob {
  file: string
  displayName: string
  /** How the import thread read the file: the thread reads it the same way. */
  format: 'csv' | 'xlsx'
  /** Rows at the top of the file the import thread has read (and typed) itself. */
  skipRows: number
  /** The header as found, to recognise the header repeated on every page of a paged export. */
  headerColumns: string[]
  typing: RowTyping
}

export interface TypingWorkerData {
  /** Set when the worker runs from source (see host/worker-script.ts). */
  entry?: string
}

/** A cell-level problem: row, field, original text, Chinese message. */
export type IssueRow = [number, string | null, string | null, string]

export type TypingReply =
  | {
      type: 'batch'
      batch: TypedBatch
      /** Problems of the batch's rows, in row order. */
      issues: IssueRow[]
      /** Rows read from the top of the file so far, and bytes, for the progress bar. */
      rowsRead: number
      bytesRead: number
    }
  | { type: 'done'; rowsRead: number; tally: TallyCounts }
  | { type: 'error'; error: EngineErrorData }

/**
 * The job, once the import thread knows the header and fields (the thread is started earlier, so
 * it is loaded by then); `ack`: the import thread took a batch, the typing thread may read ahead.
 */
export type TypingRequest = { type: 'job'; job: TypingJob } | { type: 'ack' }
