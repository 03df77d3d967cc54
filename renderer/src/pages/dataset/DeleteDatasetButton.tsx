/** 删除数据集: asks first, since deleting cannot be undone; goes back to the import page after. */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { DatasetDetail } from '../../../../shared/ipc/contract.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatCount } from '../../format/numbers.ts'

export function DeleteDatasetButton({ dataset }: { dataset: DatasetDetail }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)

  const remove = async () => {
    setBusy(true)
    setError(null)
    try {
      await call('dataset/delete', { datasetId: dataset.id })
      window.location.hash = '#/import'
    } catch (caught) {
      setError(toErrorData(caught))
      setBusy(false)
      setAsking(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="button danger"
        onClick={() => setAsking(true)}
        data-testid="delete-dataset"
      >
        删除数据集
      </button>
      <ErrorMessage error={error} />
      {asking && (
        <ConfirmDialog
          title="删除数据集"
          confirmLabel="删除"
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        >
          将删除「{dataset.name}」的全部 {formatCount(dataset.records)} 条记录和{' '}
          {formatCount(dataset.batches)}{' '}
          个导入批次，且无法撤销（原始导出文件不受影响，可重新导入）。确定删除吗？
        </ConfirmDialog>
      )}
    </>
  )
}
