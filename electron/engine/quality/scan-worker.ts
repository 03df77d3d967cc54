/**
 * A scan thread of a large rule run: opens the workspace read-only (with the expression language's
 * SQL functions) and runs the scans it is sent, one at a time, sending back their rows. An `exec`
 * job (building the indexes later scans rely on) gets a writable connection for its duration.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openWorkspace } from '../store/database.ts'
import type { ScanJob, ScanReply, ScanRequest, ScanWorkerData } from './scan-messages.ts'
import { runScan } from './scan.ts'

const port = parentPort!
const dbPath = (workerData as ScanWorkerData).dbPath
const db = openWorkspace(dbPath, { readonly: true })

function perform(job: ScanJob): number[][] {
  if (job.type === 'scan') return runScan(db, job.statement)
  const writer = openWorkspace(dbPath)
  try {
    for (const q of job.statements) writer.prepare(q.text).run(...q.values)
  } finally {
    writer.close()
  }
  return []
}

port.on('message', (message: ScanRequest) => {
  if (message.type === 'close') {
    db.close()
    port.close()
    return
  }
  let reply: ScanReply
  try {
    reply = { type: 'rows', id: message.id, rows: perform(message.job) }
  } catch (error) {
    reply = { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply)
})
port.postMessage({ type: 'ready' } satisfies ScanReply)
