import { parentPort, workerData } from 'node:worker_threads'
import { createContext } from '../services/context.ts'
import { dispatch } from '../services/dispatch.ts'
import type { FromWorker, ToWorker, WorkerData } from './messages.ts'

/**
 * The engine worker: owns the workspace connection and runs every service off the main thread
 * (Electron's main process, or the browser-mode HTTP server), pushing events back to its host.
 */
const port = parentPort!
const data = workerData as WorkerData
const post = (message: FromWorker) => port.postMessage(message)

try {
  const ctx = createContext(
    data.dbPath,
    data.mode,
    (name, payload) => post({ type: 'event', name, payload }),
    {
      offerDemo: data.offerDemo,
    },
  )
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      ctx.db.close()
      port.close()
      return
    }
    void dispatch(ctx, message.channel, message.args).then((envelope) =>
      post({ type: 'result', id: message.id, envelope }),
    )
  })
  post({ type: 'ready' })
} catch (error) {
  post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) })
}
