/** What the rule would flag in the imported data now: the hit count and the first rows (rules/preview). */
import { ErrorMessage } from '../../../components/ErrorMessage.tsx'
import { formatCount } from '../../../format/numbers.ts'
import { suspectName } from '../highlight.ts'
import type { PreviewState } from './checkState.ts'

export function PreviewPanel({ preview }: { preview: PreviewState }) {
  const hits = preview.status === 'done' ? preview.preview.hits : undefined
  return (
    <div
      className="preview-panel"
      data-testid="rule-preview"
      data-state={preview.status}
      data-hits={hits ?? ''}
    >
      {preview.status === 'none' && <p className="muted small">规则有效后在此预览命中的记录。</p>}
      {preview.status === 'loading' && <p className="muted small">正在预览…</p>}
      {preview.status === 'failed' && <ErrorMessage error={preview.error} />}
      {preview.status === 'done' && (
        <>
          <p className="preview-count">
            在已导入的数据中命中 <strong>{formatCount(preview.preview.hits)}</strong> 条记录
            {preview.preview.sample.length < preview.preview.hits &&
              `，以下为前 ${formatCount(preview.preview.sample.length)} 条`}
          </p>
          {preview.preview.problem && <p className="warn-text">{preview.preview.problem}</p>}
          {preview.preview.sample.length > 0 && (
            <div className="table-scroll preview-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th>部门受案号</th>
                    <th>嫌疑人编号</th>
                    <th>嫌疑人姓名</th>
                    <th>承办单位</th>
                    <th>冲突说明</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.preview.sample.map((flag, index) => (
                    <tr key={`${flag.datasetId}-${flag.recordId}-${index}`}>
                      <td className="nowrap">{flag.key.部门受案号 ?? ''}</td>
                      <td className="nowrap">{flag.key.嫌疑人编号 ?? ''}</td>
                      <td className="nowrap">{suspectName(flag.record)}</td>
                      <td className="nowrap">{flag.unit ?? ''}</td>
                      <td className="detail" title={flag.message}>
                        {flag.message}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}
