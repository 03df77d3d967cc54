import { EngineError } from '../errors.ts'

/** Turns whatever went wrong during an import into an error the analyst can act on. */
export function asEngineError(error: unknown, file: string): EngineError {
  if (error instanceof EngineError) return error
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new EngineError(
      'DISK_FULL',
      `导入「${file}」时磁盘空间不足，导入已撤回，工作区未被改动。请清理磁盘后重试。`,
      { file },
    )
  }
  if (code === 'SQLITE_BUSY') {
    return new EngineError('CONFLICT', `工作区正被另一个导入占用，「${file}」未导入，请稍后重试。`, { file })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new EngineError('IMPORT_FAILED', `导入「${file}」失败，工作区未被改动：${message}`, { file })
}
