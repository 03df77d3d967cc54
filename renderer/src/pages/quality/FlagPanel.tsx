/**
 * One flag beside the grid (opened by double-click): what the rule says, its review history, status
 * buttons for this flag alone, and the whole record with the conflicting fields highlighted.
 */
import { useEffect } from 'react'
import type { ReactNode } from 'react'
import type { DatasetDetail } from '../../../../shared/ipc/contract.ts'
import type { FlagRow } from '../../../../shared/ipc/quality-contract.ts'
import type { FlagStatus } from '../../../../shared/quality/rule.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatTimestamp } from '../../format/timestamp.ts'
import { recordCellText } from './flagColumns.ts'
import { isConflicting } from './highlight.ts'
import { STATUS_ORDER, severityName, statusName } from './qualityText.ts'

interface FlagPanelProps {
  flag: FlagRow
  dataset: DatasetDetail | undefined
  /** null when no reviewer name is set: the buttons are then disabled. */
  onSetStatus: ((status: FlagStatus) => void) | null
  busy: boolean
  onClose: () => void
}

export function FlagPanel({ flag, dataset, onSetStatus, busy, onClose }: FlagPanelProps) {
  const record = useApiData('records/get', { datasetId: flag.datasetId, recordId: flag.recordId })

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  // Field order and types from the dataset when known, else the record's own keys.
  const fields = dataset
    ? [...dataset.fields].sort((a, b) => a.position - b.position).map((f) => ({ name: f.name, type: f.type }))
    : Object.keys(record.data ?? {})
        .filter((key) => !key.startsWith('_'))
        .map((name) => ({ name, type: undefined }))

  return (
    <aside className="record-panel flag-panel" aria-label="疑点详情" data-testid="flag-panel">
      <header className="record-panel-header">
        <h2>疑点详情</h2>
        <button type="button" className="icon-button" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="record-panel-body">
        <p className="flag-panel-rule">
          <span className={`severity-badge ${flag.severity}`}>{severityName(flag.severity)}</span>
          <strong>
            {flag.rule} {flag.ruleName}
          </strong>
        </p>
        <p className="flag-panel-message">{flag.message}</p>
        <dl className="record-fields flag-history">
          <Item label="状态">
            <span className={`status-tag ${flag.status}`}>{statusName(flag.status)}</span>
          </Item>
          <Item label="冲突字段">{flag.fields.length > 0 ? flag.fields.join('、') : '—'}</Item>
          <Item label="首次发现">{formatTimestamp(flag.firstSeen)}</Item>
          <Item label="最近发现">{formatTimestamp(flag.lastSeen)}</Item>
          {flag.rectifiedAt && <Item label="整改时间">{formatTimestamp(flag.rectifiedAt)}</Item>}
          <Item label="复核人">{flag.reviewer ?? '—'}</Item>
          <Item label="复核时间">{flag.reviewedAt ? formatTimestamp(flag.reviewedAt) : '—'}</Item>
          <Item label="备注">{flag.note ?? '—'}</Item>
        </dl>
        <div className="flag-panel-actions">
          <span className="muted small">将此疑点标为：</span>
          {STATUS_ORDER.filter((status) => status !== flag.status).map((status) => (
            <button
              key={status}
              type="button"
              className="button small"
              disabled={onSetStatus === null || busy}
              title={onSetStatus === null ? '请先在工具栏填写复核人' : undefined}
              onClick={() => onSetStatus?.(status)}
              data-testid={`panel-status-${status}`}
            >
              {statusName(status)}
            </button>
          ))}
        </div>
        <h3 className="flag-panel-subtitle">记录内容</h3>
        <ErrorMessage error={record.error} onRetry={record.reload} />
        {record.loading && !record.data && <p className="muted">正在读取…</p>}
        {record.data && (
          <dl className="record-fields">
            {fields.map(({ name, type }) => {
              const text = recordCellText(record.data?.[name], type)
              const conflict = isConflicting(flag, name)
              return (
                <div key={name} className={conflict ? 'record-field conflict' : 'record-field'}>
                  <dt>{name}</dt>
                  <dd>{text === '' ? <span className="muted">（空）</span> : text}</dd>
                </div>
              )
            })}
          </dl>
        )}
      </div>
    </aside>
  )
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
