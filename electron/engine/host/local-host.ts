import { createContext, type EngineContext } from '../services/context.ts'
import { dispatch } from '../services/dispatch.ts'
import type { EngineHost } from './types.ts'

type Listener = Parameters<EngineHost['onEvent']>[0]

/** The engine in this thread: for the CLI and tests, where nothing else needs the event loop. */
export function createLocalHost(
  dbPath: string,
  mode: EngineContext['mode'] = 'cli',
): EngineHost & { ctx: EngineContext } {
  const listeners = new Set<Listener>()
  const ctx = createContext(dbPath, mode, (event, payload) => listeners.forEach((l) => l(event, payload)))
  return {
    ctx,
    dbPath,
    exportDir: ctx.exportDir,
    call: (channel, args) => dispatch(ctx, channel, args),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      ctx.db.close()
    },
  }
}
