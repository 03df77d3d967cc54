/**
 * Status changes for the selected flags (标为已确认 / 已整改 / 误报 / 待核查, optional note) and
 * 加入已核对清单. Both need a reviewer name. Changing every filtered flag is BulkAllAction.
 */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { FlagRow } from '../../../../shared/ipc/quality-contract.ts'
import type { FlagStatus } from '../../../../shared/quality/rule.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { formatCount } from '../../format/numbers.ts'
import { updateNotice, whitelistNotice } from './qualityText.ts'

interface BulkActionsProps {
  selected: readonly FlagRow[]
  reviewer: string
  onDone: (notice: string) => void
  onError: (error: EngineErrorData) => void
}

export const BULK_BUTTONS: readonly { status: FlagStatus; label: string; testId: string }[] = [
  { status: 'confirmed', label: '标为已确认', testId: 'bulk-confirm' },
  { status: 'rectified', label: '标为已整改', testId: 'bulk-rectified' },
  { status: 'falsePositive', label: '标为误报', testId: 'bulk-false-positive' },
  { status: 'open', label: '恢复待核查', testId: 'bulk-open' },
]

export function BulkActions({ selected, reviewer, onDone, onError }: BulkActionsProps) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const noReviewer = reviewer === ''
  const noteArg = note.trim() === '' ? undefined : note.trim()

  const run = async (action: () => Promise<string>) => {
    setBusy(true)
    try {
      onDone(await action())
      setNote('')
    } catch (caught) {
      onError(toErrorData(caught))
    } finally {
      setBusy(false)
    }
  }

  const updateSelected = (status: FlagStatus) =>
    run(async () => {
      const ids = selected.map((flag) => flag.id)
      const { updated } = await call('flags/update', { ids, status, reviewer, note: noteArg })
      return updateNotice(status, updated)
    })

  const addToWhitelist = () =>
    run(async () => {
      const flagIds = selected.map((flag) => flag.id)
      const { added } = await call('whitelist/add', { flagIds, reviewer, note: noteArg })
      return whitelistNotice(added)
    })

  const why = noReviewer ? '请先在工具栏填写复核人' : selected.length === 0 ? '请先勾选疑点' : undefined
  const disabled = busy || noReviewer || selected.length === 0

  return (
    <div className="bulk-actions" data-testid="bulk-actions">
      <span className="bulk-selected" data-testid="bulk-selected" data-count={selected.length}>
        已选 {formatCount(selected.length)} 条
      </span>
      {BULK_BUTTONS.map(({ status, label, testId }) => (
        <button
          key={status}
          type="button"
          className="button small"
          disabled={disabled}
          title={why}
          onClick={() => void updateSelected(status)}
          data-testid={testId}
        >
          {label}
        </button>
      ))}
      <button
        type="button"
        className="button small"
        disabled={disabled}
        title={why ?? '今后核查不再提示这些记录的同一规则'}
        onClick={() => void addToWhitelist()}
        data-testid="whitelist-add"
      >
        加入已核对清单
      </button>
      <input
        className="input small bulk-note"
        placeholder="备注（可选）"
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        data-testid="bulk-note"
      />
    </div>
  )
}
