/** Every import batch, newest first, with its counts, its errors and 撤销 (undo) when the engine allows it. */
import { useState } from 'react'
import type { BatchSummary } from '../../../../shared/ipc/contract.ts'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { kindName } from '../../format/kind.ts'
import { formatCount } from '../../format/numbers.ts'
import { formatTimestamp } from '../../format/timestamp.ts'
import { BatchErrorsDialog } from './BatchErrorsDialog.tsx'

interface BatchHistoryProps {
  refreshKey: number
  /** Called after an undo, so datasets (record counts) refresh too. */
  onChanged: () => void
}

export function BatchHistory({ refreshKey, onChanged }: BatchHistoryProps) {
  const batches = useApiData('import/batches', {}, refreshKey)
  const [confirming, setConfirming] = useState<BatchSummary | null>(null)
  const [undoing, setUndoing] = useState(false)
  const [undoError, setUndoError] = useState<EngineErrorData | null>(null)
  const [notice, setNotice] = useState('')
  const [showErrors, setShowErrors] = useState<BatchSummary | null>(null)

  const undo = async (batch: BatchSummary) => {
    setUndoing(true)
    setUndoError(null)
    setNotice('')
    try {
      const done = await call('import/undo', { batchId: batch.id })
      setNotice(
        `已撤销「${batch.file}」：删除 ${formatCount(done.removed)} 条记录，恢复 ${formatCount(done.restored)} 条记录。`,
      )
    } catch (caught) {
      setUndoError(toErrorData(caught))
    } finally {
      setUndoing(false)
      setConfirming(null)
      onChanged()
    }
  }

  return (
    <Section
      title="导入批次"
      actions={
        <button type="button" className="button small" onClick={batches.reload} disabled={batches.loading}>
          刷新
        </button>
      }
    >
      {notice && (
        <div className="notice" role="status" data-testid="undo-notice">
          {notice}
        </div>
      )}
      <ErrorMessage error={undoError} />
      <ErrorMessage error={batches.error} onRetry={batches.reload} />
      {batches.data && batches.data.length === 0 && <p className="muted">尚未导入任何文件。</p>}
      {batches.data && batches.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="batch-table">
            <thead>
              <tr>
                <th>文件</th>
                <th>导入时间</th>
                <th>数据集</th>
                <th>类型</th>
                <th className="num">行数</th>
                <th className="num">新增</th>
                <th className="num">更新</th>
                <th className="num">未变</th>
                <th className="num">拒绝</th>
                <th className="num">错误</th>
                <th>状态</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {batches.data.map((batch) => (
                <tr
                  key={batch.id}
                  className={batch.status === 'undone' ? 'undone' : undefined}
                  data-testid="batch-row"
                  data-batch-id={batch.id}
                >
                  <td className="file" title={batch.file}>
                    {batch.file}
                  </td>
                  <td className="nowrap">{formatTimestamp(batch.importedAt)}</td>
                  <td>
                    <a href={`#/dataset/${batch.datasetId}`}>{batch.dataset}</a>
                  </td>
                  <td className="nowrap">{kindName(batch.kind)}</td>
                  <td className="num">{formatCount(batch.rows)}</td>
                  <td className="num">{formatCount(batch.inserted)}</td>
                  <td className="num">{formatCount(batch.updated)}</td>
                  <td className="num">{formatCount(batch.unchanged)}</td>
                  <td className="num">{formatCount(batch.rejected)}</td>
                  <td className="num">
                    {batch.errors > 0 ? (
                      <button
                        type="button"
                        className="button link danger"
                        onClick={() => setShowErrors(batch)}
                        data-testid={`errors-${batch.id}`}
                      >
                        {formatCount(batch.errors)} 条
                      </button>
                    ) : (
                      '0'
                    )}
                  </td>
                  <td className="nowrap">
                    <span className={batch.status === 'committed' ? 'status ok' : 'status off'}>
                      {batch.status === 'committed' ? '已导入' : '已撤销'}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      disabled={!batch.undoable || undoing}
                      title={batch.undoable ? '撤销本批次导入' : '该批次已撤销，或其后的导入依赖它，不能撤销'}
                      onClick={() => setConfirming(batch)}
                      data-testid={`undo-${batch.id}`}
                    >
                      撤销
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="撤销导入"
          confirmLabel="确定撤销"
          busy={undoing}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void undo(confirming)}
        >
          <p>
            确定撤销文件「{confirming.file}」的导入吗？（{formatTimestamp(confirming.importedAt)}，数据集「
            {confirming.dataset}」）
          </p>
          <p className="muted">
            本批次新增的 {formatCount(confirming.inserted)} 条记录将被删除，被本批次更新的{' '}
            {formatCount(confirming.updated)} 条记录将恢复为导入前的内容。
          </p>
        </ConfirmDialog>
      )}
      {showErrors && <BatchErrorsDialog batch={showErrors} onClose={() => setShowErrors(null)} />}
    </Section>
  )
}
