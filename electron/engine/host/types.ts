import type { Envelope } from '../../../shared/ipc/envelope.ts'
import type { EventName, EngineEvents } from '../../../shared/ipc/contract.ts'

/**
 * The engine as seen by a transport (Electron main, the HTTP bridge, the CLI): call a channel with
 * unvalidated arguments and get an envelope back; listen to pushed events. Implementations run the
 * services in a worker thread (createWorkerHost) or in-process (createLocalHost, for the CLI and tests).
 */
export interface EngineHost {
  readonly dbPath: string
  /** Directory where exports are written; ids returned by records/exportCsv are file names in it. */
  readonly exportDir: string
  call(channel: string, args: unknown): Promise<Envelope<unknown>>
  onEvent(listener: <E extends EventName>(event: E, payload: EngineEvents[E]) => void): () => void
  close(): Promise<void>
}
