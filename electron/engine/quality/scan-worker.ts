/**
 * A scan thread of a large rule run: opens the workspace read-only (with the expression language's
 * SQL functions) and runs the scan statements it is sent, one at a time, sending back their rows.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openWorkspace } from '../store/database.ts'
import type { ScanReply, ScanRequest, ScanWorkerData } from './scan-messages.ts'
import { runScan } from './scan.ts'

const port = parentPort!
const db = openWorkspace((workerData as ScanWorkerData).dbPath, { readonly: true })
port.on('message', (message: ScanRequest) => {
  if (message.type === 'close') {
    db.close()
    port.close()
    return
  }
  let reply: ScanReply
  try {
    reply = { type: 'rows', id: message.id, rows: runScan(db, message.statement) }
  } catch (error) {
    reply = { type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply)
})
port.postMessage({ type: 'ready' } satisfies ScanReply)
