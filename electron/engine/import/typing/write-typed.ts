import type { RowWriter } from '../row-writer.ts'
import type { TypingReply } from './messages.ts'
import { newValues, type RowTyping } from './type-row.ts'
import { unpackCells, unpackRow } from './typed-batch.ts'
import { typingError, type TypingThread } from './typing-thread.ts'

/** What the typing thread read of the rest: rows read, and the rows it skipped. */
export type TypedRest = Extract<TypingReply, { type: 'done' }>

/**
 * Writes the rows a typing thread (its job started) reads and types from the rest of the file (typing itself the
 * batches the thread sent untyped). Cell problems are logged just before their row is written,
 * so the issue log keeps the order of a single-thread import. Throws the thread's error
 * (CORRUPT_FILE with its row …) for the caller to roll back.
 */
export async function writeTypedRest(
  writer: RowWriter,
  thread: TypingThread,
  typing: RowTyping,
  onProgress: (rowsRead: number, bytesRead: number) => void,
): Promise<TypedRest> {
  const values = newValues(typing)
  const cells: string[] = []
  try {
    for (;;) {
      const reply = await thread.next()
      if (reply.type === 'error') throw typingError(reply)
      if (reply.type === 'done') return reply
      const { batch, issues } = reply
      if (batch.kind === 'cells') {
        for (let r = 0; r < batch.count; r++) writer.write(batch.lines[r], unpackCells(batch, r, cells))
        onProgress(reply.rowsRead, reply.bytesRead)
        continue
      }
      let k = 0
      for (let r = 0; r < batch.count; r++) {
        const line = batch.lines[r]
        for (; k < issues.length && issues[k][0] <= line; k++) writer.onIssue(...issues[k])
        writer.writeTyped(line, values, unpackRow(batch, r, values))
      }
      for (; k < issues.length; k++) writer.onIssue(...issues[k])
      onProgress(reply.rowsRead, reply.bytesRead)
    }
  } finally {
    await thread.close()
  }
}
