import { Worker } from 'node:worker_threads'
import { EngineError } from '../../errors.ts'
import { workerScript } from '../../host/worker-script.ts'
import type { TypingJob, TypingReply, TypingRequest, TypingWorkerData } from './messages.ts'

/**
 * The import thread's end of a typing thread (typing-worker.ts). Started before the job is known,
 * so loading the thread overlaps reading the head of the file; `start` sends the job, and replies
 * arrive in order through `next()`; taking a batch lets the thread read further ahead. A thread
 * that dies without a word (out of memory, a bug) ends the import with a Chinese error, not a hang.
 */
export class TypingThread {
  private readonly worker: Worker
  private readonly queue: TypingReply[] = []
  private waiting: ((reply: TypingReply) => void) | null = null
  private finished = false

  constructor(displayName: string, format: TypingJob['format']) {
    const script = workerScript('import-typing-worker', '../import/typing/typing-worker.ts')
    this.worker = new Worker(script.file, {
      workerData: script.workerData satisfies TypingWorkerData,
      // Without a limit V8 lets this allocation-heavy thread's heap grow by ~100 MB more at 1M rows
      // (bench: peak 590 MB against 490 MB); it holds a few batches, never more than tens of MB.
      // A text file's typing needs the larger young generation (at V8's default, GC took a quarter of
      // its time); a workbook's does not gain from it, and 32 MB saves ~30 MB at the peak (300k-row
      // xlsx: 600 → 572 MB in the same time).
      resourceLimits: { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: format === 'xlsx' ? 32 : 64 },
    })
    this.worker.on('message', (reply: TypingReply) => this.push(reply))
    const died = (detail: string) =>
      this.push({
        type: 'error',
        error: {
          code: 'IMPORT_FAILED',
          message: `读取文件「${displayName}」的线程意外退出（${detail}），导入已取消，工作区未改动。`,
          file: displayName,
        },
      })
    this.worker.on('error', (error) => died(error.message))
    this.worker.on('exit', (code) => died(`代码 ${code}`))
  }

  start(job: TypingJob): void {
    this.post({ type: 'job', job })
  }

  /** The next batch, the end, or the error that stopped the thread (as a reply, not thrown). */
  next(): Promise<TypingReply> {
    const reply = this.queue.shift()
    if (reply) return Promise.resolve(this.taken(reply))
    return new Promise((resolve) => (this.waiting = (r) => resolve(this.taken(r))))
  }

  async close(): Promise<void> {
    this.finished = true
    await this.worker.terminate()
  }

  private taken(reply: TypingReply): TypingReply {
    if (reply.type === 'batch') this.post({ type: 'ack' })
    else this.finished = true
    return reply
  }

  private post(request: TypingRequest): void {
    this.worker.postMessage(request)
  }

  private push(reply: TypingReply): void {
    if (this.finished) return
    const waiting = this.waiting
    this.waiting = null
    if (waiting) waiting(reply)
    else this.queue.push(reply)
  }
}

/** The error a typing thread reported, as the import's error. */
export function typingError(reply: Extract<TypingReply, { type: 'error' }>): EngineError {
  const { code, message, file, row, column } = reply.error
  return new EngineError(code, message, { file, row, column })
}
