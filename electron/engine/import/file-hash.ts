import { Worker } from 'node:worker_threads'

// Inline CommonJS so it runs the same from source and from the Electron bundle (no file to find).
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { createReadStream } = require('node:fs')
const hash = createHash('sha256')
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }))
  .on('error', (error) => parentPort.postMessage({ error: error.message }))
`

/**
 * sha256 of a file, computed on the other core while the import reads and writes on this one: the
 * provenance appendix of reports names every imported file by it, and hashing 500 MB takes seconds.
 */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: file })
    worker.once('message', (message: { sha256?: string; error?: string }) => {
      void worker.terminate()
      if (message.sha256) resolve(message.sha256)
      else reject(new Error(message.error ?? 'hash failed'))
    })
    worker.once('error', reject)
  })
}
