import type { BatchSummary } from '../../../../shared/ipc/contract.ts'
import { createLocalHost } from '../../host/local-host.ts'
import { errorLine, type CliIo, type CliOptions } from '../io.ts'

/** `yanpan batches [--json]`: the import history. */
export async function batchesCommand(options: CliOptions, io: CliIo): Promise<number> {
  const host = createLocalHost(options.db)
  try {
    const envelope = await host.call('import/batches', {})
    if (!envelope.ok) {
      io.err(errorLine(envelope.error))
      return 1
    }
    const batches = envelope.value as BatchSummary[]
    if (options.json) io.out(JSON.stringify(batches))
    else if (batches.length === 0) io.out('尚无导入记录。')
    else
      for (const b of batches)
        io.out(
          `批次 ${b.id}  ${b.importedAt}  ${b.file}  → ${b.dataset}  ${b.rows} 行（新增 ${b.inserted}，更新 ${b.updated}，未变 ${b.unchanged}）` +
            `${b.status === 'undone' ? '  已撤销' : ''}`,
        )
    return 0
  } finally {
    await host.close()
  }
}

/** `yanpan undo BATCH`: undoes one import as a whole. */
export async function undoCommand(options: CliOptions, io: CliIo): Promise<number> {
  const batchId = Number(options.positionals[0])
  if (!Number.isInteger(batchId) || batchId <= 0) {
    io.err('请指定要撤销的批次号，例如：yanpan undo 3（批次号见 yanpan batches）')
    return 2
  }
  const host = createLocalHost(options.db)
  try {
    const envelope = await host.call('import/undo', { batchId })
    if (!envelope.ok) {
      io.err(errorLine(envelope.error))
      return 1
    }
    const r = envelope.value as { removed: number; restored: number }
    io.out(`已撤销批次 ${batchId}：删除 ${r.removed} 条记录，恢复 ${r.restored} 条被替换的记录。`)
    return 0
  } finally {
    await host.close()
  }
}
