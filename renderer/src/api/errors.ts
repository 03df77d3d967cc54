/** Engine errors as thrown values in the renderer, and their one-line Chinese description. */
import type { EngineErrorData } from '../../../shared/ipc/envelope.ts'

/** Thrown by `call`/`unwrap`: `message` is the engine's Chinese message, `error` keeps file/row/column. */
export class ApiError extends Error {
  readonly error: EngineErrorData
  constructor(error: EngineErrorData) {
    super(error.message)
    this.name = 'ApiError'
    this.error = error
  }
}

/** Normalises anything caught into error data, so every page shows errors the same way. */
export function toErrorData(caught: unknown): EngineErrorData {
  if (caught instanceof ApiError) return caught.error
  if (caught instanceof Error) return { code: 'INTERNAL', message: caught.message || '发生未知错误。' }
  return { code: 'INTERNAL', message: String(caught ?? '发生未知错误。') }
}

/**
 * The message plus where it happened, e.g. `日期无法识别（文件：a.xlsx，第 12 行，列「审结日期」）`.
 */
export function describeError(error: EngineErrorData): string {
  const where: string[] = []
  if (error.file) where.push(`文件：${error.file}`)
  if (error.row != null) where.push(`第 ${error.row} 行`)
  if (error.column) where.push(`列「${error.column}」`)
  return where.length > 0 ? `${error.message}（${where.join('，')}）` : error.message
}
