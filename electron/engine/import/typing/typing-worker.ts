/**
 * The typing thread of a large import: reads the file past the rows the import thread has already
 * handled, skips blank, total and repeated header rows, types every cell (the same `typeRow` the
 * import thread uses) and sends the rows packed in batches. The import thread only writes them, so
 * reading and writing overlap on the two cores. At most a few batches run ahead of the writer.
 */
import { parentPort } from 'node:worker_threads'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import { EngineError } from '../../errors.ts'
import { openSheet } from '../read/open.ts'
import { repeatsHeader, RowKindTally } from '../row-kind.ts'
import type { IssueRow, TypingJob, TypingReply, TypingRequest } from './messages.ts'
import { TypedBatchBuilder } from './typed-batch.ts'
import { typeRow } from './type-row.ts'

/** Batches sent and not yet taken by the import thread before this thread waits. */
const AHEAD = 4

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
  const reader = await openSheet(job.file, job.displayName)
  try {
    const tally = new RowKindTally()
    const values: unknown[] = new Array(job.typing.width + 4).fill(null)
    const builder = new TypedBatchBuilder()
    let issues: IssueRow[] = []
    const onIssue = (line: number, column: string | null, text: string | null, message: string) => {
      issues.push([line, column, text, message])
    }
    let skip = job.skipRows
    let rowsRead = 0
    let repeatedHeaders = 0
    for await (const rows of reader.batches()) {
      for (const row of rows) {
        rowsRead += 1
        if (skip > 0) {
          skip -= 1
          continue
        }
        if (tally.add(row) !== 'data') continue
        if (repeatsHeader(row.cells, job.headerColumns)) {
          repeatedHeaders += 1
          continue
        }
        values.fill(null)
        const raw = typeRow(job.typing, row.line, row.cells, values, onIssue)
        builder.add(row.line, values, values.length, raw)
      }
      if (builder.count === 0 && issues.length === 0) continue
      const { batch, transfer } = builder.take()
      send({ type: 'batch', batch, issues, rowsRead, bytesRead: reader.bytesRead() }, transfer)
      issues = []
      credits -= 1
      if (credits <= 0) await new Promise<void>((resolve) => (wake = resolve))
    }
    const { blank, total, blankLines, totalLines } = tally
    send({ type: 'done', rowsRead, tally: { blank, total, blankLines, totalLines }, repeatedHeaders })
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
