import { Worker } from 'node:worker_threads'
import type { Envelope } from '../../../shared/ipc/envelope.ts'
import type { EventName, EngineEvents } from '../../../shared/ipc/contract.ts'
import { workspaceFolders } from '../workspace-folders.ts'
import type { FromWorker, ToWorker, WorkerData } from './messages.ts'
import type { EngineHost } from './types.ts'
import { workerScript } from './worker-script.ts'

export interface WorkerHostOptions {
  dbPath: string
  mode?: WorkerData['mode']
  /** Offer the demo province on an empty workspace (npm start, the desktop app). */
  offerDemo?: boolean
  /** The worker script; defaults to the bundled engine-worker.cjs beside this file, else the source entry. */
  workerFile?: string
}

/** How long a closing engine worker may take to finish before it is terminated. */
const CLOSE_GRACE_MS = 5000

/** Runs the engine in a worker thread so the main thread (window, HTTP server) never blocks. */
export function createWorkerHost(options: WorkerHostOptions): Promise<EngineHost> {
  const script = workerScript('engine-worker', './worker.ts')
  const worker = new Worker(options.workerFile ?? script.file, {
    workerData: {
      ...script.workerData,
      dbPath: options.dbPath,
      mode: options.mode ?? 'browser',
      offerDemo: options.offerDemo ?? false,
    } satisfies WorkerData,
  })
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>()
  const listeners = new Set<Parameters<EngineHost['onEvent']>[0]>()
  let nextId = 1
  let failure: string | null = null
  const send = (message: ToWorker) => worker.postMessage(message)
  const failAll = (message: string) => {
    failure = message
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } })
    pending.clear()
  }

  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      failAll(`数据引擎异常退出：${error.message}`)
      reject(error)
    })
    const exited = new Promise<void>((done) => worker.once('exit', () => done()))
    worker.on('exit', () => failAll('数据引擎已关闭。'))
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') resolve(host)
      else if (message.type === 'fatal') reject(new Error(message.message))
      else if (message.type === 'result') {
        pending.get(message.id)?.(message.envelope)
        pending.delete(message.id)
      } else {
        const name = message.name as EventName
        listeners.forEach((l) => l(name, message.payload as EngineEvents[typeof name]))
      }
    })
    const host: EngineHost = {
      dbPath: options.dbPath,
      exportDir: workspaceFolders(options.dbPath).exportDir,
      call(channel, args) {
        if (failure) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: failure } })
        const id = nextId++
        return new Promise((done) => {
          pending.set(id, done)
          send({ type: 'call', id, channel, args })
        })
      },
      onEvent(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      async close() {
        send({ type: 'close' })
        // The worker exits once its connection is closed and its own threads have ended; work still
        // running on them (a background pre-aggregation) is only an optimisation, so do not wait long.
        const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS)
        await exited
        clearTimeout(timer)
      },
    }
  })
}
