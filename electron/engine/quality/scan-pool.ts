/**
 * Runs scan statements on several threads at once. A full run over a million records is a few large
 * table scans that SQLite does one core each; worker threads with their own read-only connections
 * (WAL lets them read while nothing writes) use the other cores. Statements are handed out as
 * threads become free, largest first as given. The pool lives for one run.
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { workerScript } from '../host/worker-script.ts'
import type { ScanReply, ScanRequest, ScanWorkerData } from './scan-messages.ts'
import type { ScanStatement } from './scan.ts'

/** Threads worth starting for a run: the cores, at most four (the disk and the cache are shared). */
export function scanThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()))
}

export async function runScansInThreads(dbPath: string, statements: readonly ScanStatement[], threads: number): Promise<number[][][]> {
  const results: number[][][] = new Array(statements.length)
  const script = workerScript('quality-scan-worker', '../quality/scan-worker.ts')
  let next = 0
  const workers: Worker[] = []
  try {
    await Promise.all(
      Array.from({ length: Math.min(threads, statements.length) }, () => {
        const worker = new Worker(script.file, { workerData: { ...script.workerData, dbPath } satisfies ScanWorkerData })
        workers.push(worker)
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= statements.length) return resolve()
            const id = next++
            worker.postMessage({ type: 'scan', id, statement: statements[id] } satisfies ScanRequest)
          }
          worker.on('error', reject)
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`核查线程异常退出（${code}）`))))
          worker.on('message', (reply: ScanReply) => {
            if (reply.type === 'error') return reject(new Error(reply.message))
            if (reply.type === 'rows') results[reply.id] = reply.rows
            send()
          })
        })
      }),
    )
  } finally {
    for (const worker of workers) worker.postMessage({ type: 'close' } satisfies ScanRequest)
  }
  return results
}
