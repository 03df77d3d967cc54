/** All problems recorded for one batch, a page at a time (a bad export can have tens of thousands). */
import { useEffect, useRef, useState } from 'react'
import type { BatchSummary } from '../../../../shared/ipc/contract.ts'
import { useApiData } from '../../api/useApiData.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatIssue } from '../../format/issue.ts'
import { formatCount } from '../../format/numbers.ts'

const PAGE_SIZE = 200

export function BatchErrorsDialog({ batch, onClose }: { batch: BatchSummary; onClose: () => void }) {
  const [offset, setOffset] = useState(0)
  const errors = useApiData('import/errors', { batchId: batch.id, offset, limit: PAGE_SIZE })
  const total = errors.data?.total ?? 0
  const last = Math.min(offset + PAGE_SIZE, total)
  const list = useRef<HTMLDivElement>(null)

  // A new page starts at its first item, not where the previous page was scrolled to.
  useEffect(() => {
    list.current?.closest('.dialog-body')?.scrollTo(0, 0)
  }, [offset])

  return (
    <Dialog
      title={`导入问题 — ${batch.file}`}
      onClose={onClose}
      wide
      testId="batch-errors"
      footer={
        <>
          <span className="muted">
            {total > 0
              ? `第 ${formatCount(offset + 1)}–${formatCount(last)} 条，共 ${formatCount(total)} 条`
              : ''}
          </span>
          <button
            type="button"
            className="button"
            disabled={offset === 0 || errors.loading}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            上一页
          </button>
          <button
            type="button"
            className="button"
            disabled={last >= total || errors.loading}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            下一页
          </button>
        </>
      }
    >
      <div ref={list} />
      <ErrorMessage error={errors.error} onRetry={errors.reload} />
      {errors.loading && !errors.data && <p className="muted">正在读取…</p>}
      {errors.data && errors.data.items.length === 0 && <p className="muted">该批次没有记录问题。</p>}
      {errors.data && errors.data.items.length > 0 && (
        <ol className="issue-list" start={offset + 1}>
          {errors.data.items.map((issue, index) => (
            <li key={offset + index}>{formatIssue(issue)}</li>
          ))}
        </ol>
      )}
    </Dialog>
  )
}
