import type { EngineErrorData, ErrorCode } from '../../shared/ipc/envelope.ts'

/**
 * An error the analyst should see: Chinese message, stable code, and where in which file it happened.
 * Anything else thrown inside the engine is reported as INTERNAL.
 */
export class EngineError extends Error {
  readonly code: ErrorCode
  readonly file?: string
  readonly row?: number
  readonly column?: string

  constructor(
    code: ErrorCode,
    message: string,
    where: { file?: string; row?: number; column?: string } = {},
  ) {
    super(message)
    this.name = 'EngineError'
    this.code = code
    this.file = where.file
    this.row = where.row
    this.column = where.column
  }

  toData(): EngineErrorData {
    const data: EngineErrorData = { code: this.code, message: this.message }
    if (this.file !== undefined) data.file = this.file
    if (this.row !== undefined) data.row = this.row
    if (this.column !== undefined) data.column = this.column
    return data
  }
}

/** Says where an error happened in the analyst's words: 文件「a.csv」第 12 行「受理日期」列. */
export function describeLocation(where: { file?: string; row?: number; column?: string }): string {
  let text = ''
  if (where.file) text += `文件「${where.file}」`
  if (where.row !== undefined) text += `第 ${where.row} 行`
  if (where.column) text += `「${where.column}」列`
  return text
}
