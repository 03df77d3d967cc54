/**
 * 确认预警: a note (required by the engine) and the reviewer's name (remembered on this machine, shared
 * with 数据质量's 复核人), saved with anomaly/acknowledge; an acknowledged warning can be undone here.
 */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import type { Acknowledgement, AnomalyWarning } from '../../../../shared/ipc/anomaly-contract.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { browserStorage, cleanReviewer, readReviewer, writeReviewer } from '../quality/reviewer.ts'
import { acknowledgementText } from './alertsView.ts'

interface AcknowledgeDialogProps {
  warning: AnomalyWarning
  onDone: (acknowledged: Acknowledgement | null) => void
  onClose: () => void
}

const NOTE_MAX = 2000

export function AcknowledgeDialog({ warning, onDone, onClose }: AcknowledgeDialogProps) {
  const [note, setNote] = useState(warning.acknowledged?.note ?? '')
  const [reviewer, setReviewer] = useState(
    () => warning.acknowledged?.reviewer ?? readReviewer(browserStorage()),
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<EngineErrorData | null>(null)
  const key = { indicator: warning.indicator, unit: warning.unit, period: warning.period, kind: warning.kind }

  const save = async (undo: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const name = cleanReviewer(reviewer)
      if (!undo) writeReviewer(browserStorage(), name)
      const result = await call('anomaly/acknowledge', {
        ...key,
        note: undo ? '' : note.trim(),
        ...(name === '' ? {} : { reviewer: name }),
        undo,
      })
      onDone(result.acknowledged)
    } catch (caught) {
      setError(toErrorData(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title="确认预警"
      onClose={onClose}
      testId="ack-dialog"
      footer={
        <>
          {warning.acknowledged && (
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void save(true)}
              data-testid="ack-undo"
            >
              撤销确认
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            取消
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || note.trim() === ''}
            onClick={() => void save(false)}
            data-testid="ack-save"
          >
            {busy ? '正在保存…' : '确认'}
          </button>
        </>
      }
    >
      <p className="small">
        <strong>
          {warning.unitName} · {warning.name} · {warning.periodLabel} · {warning.kind}
        </strong>
      </p>
      <p className="muted small ack-message">{warning.message}</p>
      {warning.acknowledged && <p className="small">当前：{acknowledgementText(warning.acknowledged)}</p>}
      <label className="form-field">
        <span className="field-label">说明（必填）</span>
        <textarea
          className="input"
          rows={4}
          maxLength={NOTE_MAX}
          value={note}
          autoFocus
          placeholder="例如：已核实，系当月集中移送所致"
          onChange={(event) => setNote(event.target.value)}
          data-testid="ack-note"
        />
      </label>
      <label className="form-field">
        <span className="field-label">确认人</span>
        <input
          className="input"
          value={reviewer}
          maxLength={50}
          onChange={(event) => setReviewer(event.target.value)}
          data-testid="ack-reviewer"
        />
      </label>
      <ErrorMessage error={error} />
    </Dialog>
  )
}
