import type { EngineErrorData } from '../../../shared/ipc/envelope.ts'
import { describeLocation } from '../errors.ts'

/** Where a CLI command writes: injectable so tests can capture it. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  progress(text: string): void
}

export interface CliOptions {
  db: string
  json: boolean
  positionals: string[]
  port?: string
  /** serve: offer the demo province on an empty workspace (what `npm start` does). */
  offerDemo?: boolean
}

/** One line for stderr: the Chinese message, plus where it happened when the message does not say. */
export function errorLine(error: EngineErrorData): string {
  const where = describeLocation(error)
  return where && !error.message.includes(where)
    ? `错误：${error.message}（${where}）`
    : `错误：${error.message}`
}
