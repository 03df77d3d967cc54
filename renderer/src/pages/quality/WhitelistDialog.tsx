/**
 * 已核对清单: record/rule pairs an analyst checked and found correct, which later runs no longer flag.
 * Removing an entry lets the rule flag that record again at the next run.
 */
import { useState } from 'react'
import type { EngineErrorData } from '../../../../shared/ipc/envelope.ts'
import { call } from '../../api/call.ts'
import { toErrorData } from '../../api/errors.ts'
import { useApiData } from '../../api/useApiData.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { formatCount } from '../../format/numbers.ts'
import { formatTimestamp } from '../../format/timestamp.ts'

interface WhitelistDialogProps {
  onChanged: () => void
  onClose: () => void
}

export function WhitelistDialog({ onChanged, onClose }: WhitelistDialogProps) {
  const list = useApiData('whitelist/list', {})
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<EngineErrorData | null>(null)

  const remove = async (id: number) => {
    setBusy(id)
    setError(null)
    try {
      await call('whitelist/remove', { ids: [id] })
      list.reload()
      onChanged()
    } catch (caught) {
      setError(toErrorData(caught))
    } finally {
      setBusy(null)
    }
  }

  const entries = list.data ?? []
  return (
    <Dialog title="已核对清单" onClose={onClose} wide testId="whitelist-dialog">
      <p className="muted small">
        清单中的记录已核对无误，今后核查不再对同一规则提示。移除后，下次运行核查时会重新提示。
      </p>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      <ErrorMessage error={error} />
      {list.loading && !list.data && <p className="muted">正在读取…</p>}
      {list.data && entries.length === 0 && <p className="muted">清单为空。</p>}
      {entries.length > 0 && (
        <>
          <p className="small">共 {formatCount(entries.length)} 条</p>
          <div className="table-scroll whitelist-scroll">
            <table className="data-table" data-testid="whitelist-table">
              <thead>
                <tr>
                  <th>规则</th>
                  <th>记录</th>
                  <th>复核人</th>
                  <th>备注</th>
                  <th>加入时间</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="whitelist-row">
                    <td className="nowrap">{entry.rule}</td>
                    <td className="file" title={entry.key}>
                      {entry.key}
                    </td>
                    <td className="nowrap">{entry.reviewer}</td>
                    <td className="detail" title={entry.note ?? undefined}>
                      {entry.note ?? ''}
                    </td>
                    <td className="nowrap">{formatTimestamp(entry.addedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="button link danger"
                        disabled={busy !== null}
                        onClick={() => void remove(entry.id)}
                        data-testid={`whitelist-remove-${entry.id}`}
                      >
                        {busy === entry.id ? '正在移除…' : '移除'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Dialog>
  )
}
