import path from 'node:path'
import type { EngineEvents, ImportFileResult } from '../../../../shared/ipc/contract.ts'
import { DATASET_KIND_NAMES } from '../../../../shared/domain/fields.ts'
import { createLocalHost } from '../../host/local-host.ts'
import { errorLine, type CliIo, type CliOptions } from '../io.ts'

/** `yanpan import FILE... [--json]`: each file one all-or-nothing batch; stops at the first failure. */
export async function importCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.positionals.length === 0) {
    io.err('请指定要导入的文件，例如：yanpan import 审查逮捕.xlsx')
    return 2
  }
  const host = createLocalHost(options.db)
  host.onEvent((event, payload) => {
    if (event !== 'import/progress') return
    const p = payload as EngineEvents['import/progress']
    const percent = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 0
    io.progress(`${p.file}：已读取 ${p.rowsRead} 行（${percent}%）`)
  })
  const done: ImportFileResult[] = []
  let exitCode = 0
  try {
    for (const file of options.positionals) {
      const envelope = await host.call('dataset/import', { files: [{ path: path.resolve(file) }] })
      io.progress('\n')
      if (!envelope.ok) {
        io.err(errorLine(envelope.error))
        exitCode = 1
        break
      }
      done.push(...(envelope.value as { imports: ImportFileResult[] }).imports)
    }
  } finally {
    await host.close()
  }
  if (options.json) io.out(JSON.stringify({ imports: done.map(jsonShape) }))
  else for (const r of done) io.out(describe(r))
  return exitCode
}

function jsonShape(r: ImportFileResult) {
  const { file, dataset, kind, rows, inserted, updated, unchanged, rejected, errors } = r
  return { file, dataset, kind, rows, inserted, updated, unchanged, rejected, errors }
}

function describe(r: ImportFileResult): string {
  const lines = [
    `「${r.file}」→ 数据集「${r.dataset}」（${DATASET_KIND_NAMES[r.kind]}，导入批次 ${r.batchId}）`,
    `  共 ${r.rows} 行：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected}`,
  ]
  for (const note of r.notes) lines.push(`  · ${note}`)
  if (r.errors.length > 0) {
    lines.push(`  单元格问题 ${r.errors.length} 处（前 10 处）：`)
    for (const e of r.errors.slice(0, 10))
      lines.push(`    第 ${e.row ?? '-'} 行${e.column ? `「${e.column}」` : ''}：${e.message}`)
  }
  return lines.join('\n')
}
