/** One whole record beside the grid (opened by double-click), with original texts where they differ. */
import { useEffect } from 'react'
import type { DatasetField } from '../../../../shared/ipc/contract.ts'
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { cellText } from '../../format/cellText.ts'
import { rawText } from './columns.ts'

interface RecordPanelProps {
  datasetId: number
  recordId: number
  fields: readonly DatasetField[]
  onClose: () => void
}

export function RecordPanel({ datasetId, recordId, fields, onClose }: RecordPanelProps) {
  const record = useApiData('records/get', { datasetId, recordId })
  const ordered = [...fields].sort((a, b) => a.position - b.position)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  return (
    <aside className="record-panel" aria-label="记录详情" data-testid="record-panel">
      <header className="record-panel-header">
        <h2>记录详情</h2>
        <button type="button" className="icon-button" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="record-panel-body">
        <ErrorMessage error={record.error} onRetry={record.reload} />
        {record.loading && !record.data && <p className="muted">正在读取…</p>}
        {record.data && (
          <dl className="record-fields">
            {ordered.map((field) => {
              const raw = rawText(record.data, field.name)
              const text = cellText(record.data?.[field.name], field.type)
              return (
                <div key={field.name} className={raw === undefined ? 'record-field' : 'record-field has-raw'}>
                  <dt>{field.name}</dt>
                  <dd>
                    {text === '' ? <span className="muted">（空）</span> : text}
                    {raw !== undefined && (
                      <span className="raw-text">原始文本：{raw === '' ? '（空）' : raw}</span>
                    )}
                  </dd>
                </div>
              )
            })}
          </dl>
        )}
      </div>
    </aside>
  )
}
