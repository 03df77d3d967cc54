/**
 * The typing thread of a large import: reads the file (text or workbook, as the import thread read
 * it) past the rows the import thread has already handled, skips blank, total and repeated header rows, types every cell (the same `typeRow` the
 * import thread uses) and sends the rows packed in batches, so reading and writing overlap on the
 * two cores. At most a few batches run ahead of the writer.
 *
 * Reading and typing cost more than writing, so a share of the batches goes out untyped for the
 * import thread to type in its spare time. The share follows the two threads' pace: while this
 * thread never waits for the writer it sends more untyped batches, and fewer once it has to wait.
 */
import { parentPort } from 'node:worker_threads'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import { EngineError } from '../../errors.ts'
import { openCsv } from '../read/csv.ts'
import { RowKindTally } from '../row-kind.ts'
import type { IssueRow, TypingJob, TypingReply, TypingRequest } from './messages.ts'
import { TypedBatchBuilder } from './typed-batch.ts'
import { newValues, typeRow } from './type-row.ts'

/** Batches sent and not yet taken by the import thread before this thread waits. */
const AHEAD = 4
/** Share of batches sent untyped: start, step per batch, and bounds. */
const CELLS_SHARE = { start: 0.3, step: 0.02, min: 0, max: 0.7 }

const port = parentPort!
let credits = AHEAD
let wake: (() => void) | null = null
port.on('message', (message: TypingRequest) => {
  if (message.type === 'job') {
    run(message.job).catch((error: unknown) => send({ type: 'error', error: errorData(error, message.job) }))
    return
  }
  credits += 1
  wake?.()
  wake = null
})

const send = (reply: TypingReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer)

async function run(job: TypingJob): Promise<void> {
  // exceljs is loaded only for a workbook: for a text file it would cost ~0.3 s of CPU beside the
  // import thread's writing of the head.
  const reader =
    job.format === 'xlsx'
      ? await (await import('../read/xlsx.ts')).openXlsx(job.file, job.displayName)
      : await openCsv(job.file, job.displayName)
  try {
    const tally = new RowKindTally(job.headerColumns)
    const values = newValues(job.typing)
    const builder = new TypedBatchBuilder()
    let issues: IssueRow[] = []
    const onIssue = (line: number, column: string | null, text: string | null, message: string) => {
      issues.push([line, column, text, message])
    }
    let skip = job.skipRows
    let rowsRead = 0
    // Whether the next batch goes untyped: `owed` accumulates the share, one untyped batch per unit.
    let share = CELLS_SHARE.start
    let owed = 0
    let untyped = false
    for await (const rows of reader.batches()) {
      for (const row of rows) {
        rowsRead += 1
        if (skip > 0) {
          skip -= 1
          continue
        }
        if (!tally.accepts(row)) continue
        if (untyped) {
          builder.addCells(row.line, row.cells)
          continue
        }
        values.fill(null)
        const raw = typeRow(job.typing, row.line, row.cells, values, onIssue)
        builder.add(row.line, values, raw)
      }
      if (builder.count === 0) continue
      const { batch, transfer } = builder.take()
      send({ type: 'batch', batch, issues, rowsRead, bytesRead: reader.bytesRead() }, transfer)
      issues = []
      credits -= 1
      const waits = credits <= 0
      if (waits) await new Promise<void>((resolve) => (wake = resolve))
      share = Math.min(
        CELLS_SHARE.max,
        Math.max(CELLS_SHARE.min, share + (waits ? -1 : 1) * CELLS_SHARE.step),
      )
      owed += share
      untyped = owed >= 1
      if (untyped) owed -= 1
    }
    send({ type: 'done', rowsRead, tally: tally.counts() })
  } finally {
    await reader.close()
  }
}

function errorData(error: unknown, job: TypingJob): EngineErrorData {
  if (error instanceof EngineError) return error.toData()
  const detail = error instanceof Error ? error.message : String(error)
  return {
    code: 'IMPORT_FAILED',
    message: `读取文件「${job.displayName}」时出错：${detail}`,
    file: job.displayName,
  }
}
