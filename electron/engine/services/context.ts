import type { EngineEvents, EventName } from '../../../shared/ipc/contract.ts'
import { openWorkspace, type Db } from '../store/database.ts'
import { workspaceFolders } from '../workspace-folders.ts'

/** Everything a service needs: the workspace connection, its folders, and a way to push events. */
export interface EngineContext {
  db: Db
  dbPath: string
  exportDir: string
  uploadDir: string
  mode: 'electron' | 'browser' | 'cli'
  /** Started by `npm start` / the desktop app: an empty workspace is offered the demo province. */
  offerDemo: boolean
  emit<E extends EventName>(event: E, payload: EngineEvents[E]): void
  /** A separate connection for one import, whose transaction stays open across awaits. */
  importConnection(): { db: Db; release(): void }
}

export function createContext(
  dbPath: string,
  mode: EngineContext['mode'],
  emit: EngineContext['emit'] = () => {},
  options: { offerDemo?: boolean } = {},
): EngineContext {
  const db = openWorkspace(dbPath)
  return {
    db,
    dbPath,
    ...workspaceFolders(dbPath),
    mode,
    offerDemo: options.offerDemo ?? false,
    emit,
    importConnection() {
      if (dbPath === ':memory:') return { db, release() {} }
      const own = openWorkspace(dbPath)
      return { db: own, release: () => own.close() }
    },
  }
}
