/**
 * 对筛选结果全部…: one status for every flag the current filter matches, not just the loaded or
 * selected rows. It can touch thousands of flags, so it asks first and says how many.
 */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { FlagFilter } from '../../../../shared/ipc/quality-contract.ts'
import type { FlagStatus } from '../../../../shared/quality/rule.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx'
import { BULK_BUTTONS } from './BulkActions.tsx'
import { bulkAllText, statusName, updateNotice } from './qualityText.ts'

interface BulkAllActionProps {
  reviewer: string
  filter: FlagFilter
  total: number | null
  onDone: (notice: string) => void
  onError: (error: EngineErrorData) => void
}

export function BulkAllAction({ reviewer, filter, total, onDone, onError }: BulkAllActionProps) {
  const [status, setStatus] = useState<FlagStatus | null>(null)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const apply = async (chosen: FlagStatus) => {
    setBusy(true)
    try {
      const trimmed = note.trim()
      const { updated } = await call('flags/update', {
        filter,
        status: chosen,
        reviewer,
        note: trimmed === '' ? undefined : trimmed,
      })
      setStatus(null)
      setNote('')
      onDone(updateNotice(chosen, updated))
    } catch (caught) {
      onError(toErrorData(caught))
      setStatus(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <select
        className="select small"
        value=""
        disabled={busy || reviewer === '' || total === 0}
        title={reviewer === '' ? '请先在工具栏填写复核人' : '对当前筛选出的全部疑点更改状态'}
        onChange={(event) => setStatus(event.target.value === '' ? null : (event.target.value as FlagStatus))}
        data-testid="bulk-all"
      >
        <option value="">对筛选结果全部…</option>
        {BULK_BUTTONS.map((button) => (
          <option key={button.status} value={button.status}>
            全部标为{statusName(button.status)}
          </option>
        ))}
      </select>
      {status !== null && (
        <ConfirmDialog
          title="批量更改状态"
          confirmLabel={`全部标为${statusName(status)}`}
          busy={busy}
          onConfirm={() => void apply(status)}
          onCancel={() => setStatus(null)}
        >
          <p>{bulkAllText(status, total)}</p>
          <p className="muted small">复核人：{reviewer}。此操作会记录复核人和时间，之后仍可更改状态。</p>
          <input
            className="input small dialog-note"
            placeholder="备注（可选）"
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="bulk-all-note"
          />
        </ConfirmDialog>
      )}
    </>
  )
}
