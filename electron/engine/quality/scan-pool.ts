/**
 * Runs scan jobs on several threads at once. A full run over a million records is a few large table
 * scans that SQLite does one core each; worker threads with their own read-only connections (WAL lets
 * them read while nothing writes) use the other cores. Jobs are handed out in the order given as
 * threads become free; scans that rely on indexes wait for the job building them. The threads live
 * for one run.
 */
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { workerScript } from '../host/worker-script.ts'
import type { ScanJob, ScanReply, ScanRequest, ScanWorkerData } from './scan-messages.ts'

/** Threads worth starting for a run: the cores, at most four (the disk and the cache are shared). */
export function scanThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()))
}

interface Thread {
  worker: Worker
  run(id: number, job: ScanJob): Promise<number[][]>
}

function startThread(dbPath: string): Promise<Thread> {
  const script = workerScript('quality-scan-worker', '../quality/scan-worker.ts')
  const worker = new Worker(script.file, {
    workerData: { ...script.workerData, dbPath } satisfies ScanWorkerData,
  })
  const pending = new Map<number, { resolve(rows: number[][]): void; reject(error: Error): void }>()
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      fail(error)
      reject(error)
    })
    worker.on('exit', (code) => fail(new Error(`核查线程已退出（${code}）`)))
    worker.on('message', (reply: ScanReply) => {
      if (reply.type === 'ready') {
        resolve({
          worker,
          run: (id, job) =>
            new Promise((done, failed) => {
              pending.set(id, { resolve: done, reject: failed })
              worker.postMessage({ type: 'job', id, job } satisfies ScanRequest)
            }),
        })
        return
      }
      const waiting = pending.get(reply.id)
      pending.delete(reply.id)
      if (reply.type === 'rows') waiting?.resolve(reply.rows)
      else waiting?.reject(new Error(reply.message))
    })
  })
}

/**
 * Runs the jobs on `threads` threads, each taking the next job it may start: a job with `waits` set
 * starts only after the first job (the index build) is done; until then threads take the others.
 * Returns each job's rows, in job order.
 */
export async function runScanJobs(
  dbPath: string,
  jobs: readonly { job: ScanJob; waits: boolean }[],
  threads: number,
): Promise<number[][][]> {
  const pool = await Promise.all(
    Array.from({ length: Math.min(threads, jobs.length) }, () => startThread(dbPath)),
  )
  const rows: number[][][] = new Array(jobs.length)
  const taken = new Set<number>()
  let firstDone = false
  let signalFirst: () => void = () => {}
  const first = new Promise<void>((resolve) => (signalFirst = resolve))
  const take = (): number | null => {
    for (let i = 0; i < jobs.length; i++) {
      if (taken.has(i) || (jobs[i].waits && !firstDone)) continue
      taken.add(i)
      return i
    }
    return null
  }
  try {
    await Promise.all(
      pool.map(async (thread) => {
        while (taken.size < jobs.length) {
          const index = take()
          if (index === null) {
            await first
            continue
          }
          rows[index] = await thread.run(index, jobs[index].job)
          if (index === 0) {
            firstDone = true
            signalFirst()
          }
        }
      }),
    )
    return rows
  } finally {
    for (const thread of pool) thread.worker.postMessage({ type: 'close' } satisfies ScanRequest)
  }
}
