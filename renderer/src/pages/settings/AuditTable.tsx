/** The most recent audit log entries (imports, undos, exports …), newest first as the engine returns them. */
import { useApiData } from '../../api/useApiData.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { Section } from '../../components/Section.tsx'
import { formatTimestamp } from '../../format/timestamp.ts'
import { actionName, detailText } from './auditText.ts'

export function AuditTable() {
  const audit = useApiData('audit/list', { limit: 200 })
  return (
    <Section
      title="操作日志"
      actions={
        <button type="button" className="button small" onClick={audit.reload} disabled={audit.loading}>
          刷新
        </button>
      }
    >
      <ErrorMessage error={audit.error} onRetry={audit.reload} />
      {audit.data && audit.data.length === 0 && <p className="muted">暂无操作记录。</p>}
      {audit.data && audit.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>时间</th>
                <th>操作</th>
                <th>对象</th>
                <th>详情</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td className="nowrap">{formatTimestamp(entry.at)}</td>
                  <td className="nowrap">{actionName(entry.action)}</td>
                  <td>{entry.object}</td>
                  <td className="detail" title={detailText(entry.detail, 2000)}>
                    {detailText(entry.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  )
}
